import { describe, expect, it } from 'vitest';
import type { Settings } from '../../preload/api';
import { OptimisticSettings } from './optimistic-settings';

const stored: Settings = {
  theme: 'system',
  font: 'serif',
  fontSize: 18,
  lineWidth: 66,
  lineHeight: 1.6,
  librarySort: 'recent',
  highlightLabels: {
    yellow: 'Key idea',
    green: 'Quote',
    blue: 'Evidence',
    pink: 'Question',
    purple: 'Term',
    orange: 'To do',
  },
  colorTags: { yellow: null, green: null, blue: null, pink: null, purple: null, orange: null },
  lastHighlightColor: 'yellow',
  pruneAfterDays: 30,
};

describe('OptimisticSettings', () => {
  it('shows a change at once and keeps what the core stored', () => {
    const settings = new OptimisticSettings(stored);
    const request = settings.begin({ fontSize: 20 });
    expect(settings.current.fontSize).toBe(20);
    settings.settle(request, { ...stored, fontSize: 20 });
    expect(settings.current.fontSize).toBe(20);
  });

  it('rolls a failed change back', () => {
    const settings = new OptimisticSettings(stored);
    const request = settings.begin({ theme: 'dark' });
    settings.settle(request, null);
    expect(settings.current).toEqual(stored);
  });

  it('drops only the failed change when an earlier one is still on its way', () => {
    const settings = new OptimisticSettings(stored);
    const light = settings.begin({ theme: 'light' });
    const dark = settings.begin({ theme: 'dark' });
    settings.settle(dark, null); // The later write fails first...
    expect(settings.current.theme).toBe('light'); // ...the earlier change still shows,
    settings.settle(light, { ...stored, theme: 'light' });
    expect(settings.current.theme).toBe('light'); // and is what the core stored.
  });

  it('never lets an older answer undo a newer stored state', () => {
    const settings = new OptimisticSettings(stored);
    const small = settings.begin({ fontSize: 16 });
    const large = settings.begin({ fontSize: 24 });
    settings.settle(large, { ...stored, fontSize: 24 });
    settings.settle(small, { ...stored, fontSize: 16 });
    expect(settings.current.fontSize).toBe(24);
  });

  it('applies pending patches in the order they were made', () => {
    const settings = new OptimisticSettings(stored);
    settings.begin({ lineWidth: 50, theme: 'sepia' });
    settings.begin({ lineWidth: 80 });
    expect(settings.current).toMatchObject({ lineWidth: 80, theme: 'sepia' });
  });
});

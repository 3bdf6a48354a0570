/** The settings domain's part of the contract's handlers. */
import { type ApiHandlers, defineHandler } from '../define-handler';
import { type ErrorLog, ok } from '../handler-factory';
import type { SettingsService } from './service';

export function createSettingsHandlers(
  settings: SettingsService,
  log: ErrorLog,
): Pick<ApiHandlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: defineHandler('getSettings', async () => ok(settings.getSettings()), log),
    updateSettings: defineHandler('updateSettings', (patch) => settings.updateSettings(patch), log),
  };
}

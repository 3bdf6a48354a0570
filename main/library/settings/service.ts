/** The settings domain: reading and changing the settings kept in library.json (through the Catalog). */
import type { Result, Settings } from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { attemptWrite } from '../storage/failures';

export class SettingsService {
  constructor(
    private readonly catalog: Catalog,
    /** Told of each stored change (after it is durable). */
    private readonly changed: (patch: Partial<Settings>) => void = () => undefined,
  ) {}

  getSettings(): Settings {
    return this.catalog.settings();
  }

  /** Durable before it is answered; a failed write leaves the settings as they were. */
  async updateSettings(patch: Partial<Settings>): Promise<Result<Settings>> {
    const saved = await attemptWrite('save the settings', () => this.catalog.updateSettings(patch));
    if (saved.ok) this.changed(patch);
    return saved;
  }
}

/** The settings domain: reading and changing the settings kept in library.json (through the Catalog). */
import type { Result, Settings } from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { attemptWrite } from '../storage/failures';

export class SettingsService {
  constructor(private readonly catalog: Catalog) {}

  getSettings(): Settings {
    return this.catalog.settings();
  }

  /** Durable before it is answered; a failed write leaves the settings as they were. */
  updateSettings(patch: Partial<Settings>): Promise<Result<Settings>> {
    return attemptWrite('save the settings', () => this.catalog.updateSettings(patch));
  }
}

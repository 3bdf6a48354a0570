/**
 * The reading settings panel: theme, font, the typography sliders, the colour legend, and whether highlights
 * are said while reading. Every change is a `settings-change` event; the shell persists it and passes it down.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SETTINGS_LIMITS, type FontSetting, type Settings, type ThemeSetting } from '../../preload/api';
import { SettingsChangeEvent } from '../lib/events';
import './color-legend';

const THEMES: { value: ThemeSetting; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'sepia', label: 'Sepia' },
];
const FONTS: { value: FontSetting; label: string }[] = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans' },
];

type Slider = { key: 'fontSize' | 'lineWidth' | 'lineHeight'; label: string; step: number; unit: string };
const SLIDERS: Slider[] = [
  { key: 'fontSize', label: 'Font size', step: 1, unit: 'px' },
  { key: 'lineWidth', label: 'Line width', step: 1, unit: 'ch' },
  { key: 'lineHeight', label: 'Line height', step: 0.05, unit: '' },
];

/**
 * @fires settings-change - SettingsChangeEvent for every change.
 */
@customElement('reader-settings')
export class ReaderSettings extends LitElement {
  // Focusing the panel focuses its first control.
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override styles = css`
    :host {
      display: block;
      font-family: var(--font-ui, system-ui, sans-serif);
      font-size: 0.875rem;
      color: var(--fg, #1f1f1f);
    }
    fieldset {
      border: 0;
      margin: 0 0 16px;
      padding: 0;
    }
    legend,
    .slider label {
      font-size: 0.72rem;
      font-weight: 600;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: var(--fg-muted, #6b6b6b);
      padding: 0;
      margin-bottom: 8px;
    }
    .segments {
      display: flex;
      gap: 4px;
      padding: 3px;
      border-radius: 9px;
      background: var(--surface-2, rgba(127, 127, 127, 0.12));
    }
    .segments label {
      flex: 1;
      position: relative;
    }
    .segments input {
      position: absolute;
      opacity: 0;
      inset: 0;
      margin: 0;
      cursor: pointer;
    }
    .segments span {
      display: block;
      text-align: center;
      padding: 6px 4px;
      border-radius: 7px;
      color: var(--fg-muted, #555);
    }
    .segments input:checked + span {
      background: var(--surface, #fff);
      color: var(--fg, inherit);
      font-weight: 600;
      box-shadow: 0 1px 3px rgba(0, 0, 0, 0.14);
    }
    .segments input:focus-visible + span {
      outline: 2px solid var(--focus-ring, #3b82f6);
      outline-offset: 1px;
    }
    .serif {
      font-family: var(--font-serif, Georgia, serif);
    }
    .sans {
      font-family: var(--font-sans, system-ui, sans-serif);
    }
    .slider {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      margin-bottom: 14px;
    }
    .slider label {
      margin: 0;
    }
    .slider output {
      font-variant-numeric: tabular-nums;
      color: var(--fg-muted, #6b6b6b);
      font-size: 0.8rem;
    }
    .slider input {
      grid-column: 1 / -1;
      width: 100%;
      margin: 8px 0 0;
      accent-color: var(--accent, #2f6feb);
    }
    .check {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    .check label {
      cursor: pointer;
    }
    .check input {
      margin: 2px 0 0;
      accent-color: var(--accent, #2f6feb);
    }
    .check small {
      display: block;
      margin-top: 2px;
      color: var(--fg-muted, #6b6b6b);
      font-size: 0.75rem;
      line-height: 1.4;
    }
    .slider input:focus-visible,
    .check input:focus-visible {
      outline: 2px solid var(--focus-ring, #3b82f6);
      outline-offset: 3px;
      border-radius: 4px;
    }
  `;

  /** The settings to show. */
  @property({ attribute: false }) settings!: Settings;

  override render() {
    if (!this.settings) return null;
    return html`
      <fieldset>
        <legend>Theme</legend>
        <div class="segments">
          ${THEMES.map((theme) => this.radio('theme', theme.value, theme.label, this.settings.theme === theme.value))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Font</legend>
        <div class="segments">
          ${FONTS.map((font) => this.radio('font', font.value, font.label, this.settings.font === font.value, font.value))}
        </div>
      </fieldset>
      ${SLIDERS.map((slider) => this.slider(slider))}
      <fieldset>
        <legend>Highlight colours</legend>
        <color-legend .settings=${this.settings}></color-legend>
      </fieldset>
      <div class="check">
        <input
          id="announce"
          type="checkbox"
          aria-describedby="announce-hint"
          .checked=${this.settings.announceHighlights !== false}
          @change=${(event: Event) =>
            this.dispatchEvent(
              new SettingsChangeEvent({ announceHighlights: (event.target as HTMLInputElement).checked }),
            )}
        />
        <div>
          <label for="announce">Say highlights while reading</label>
          <small id="announce-hint"
            >A screen reader hears each highlight you scroll into: its meaning, tags and note.</small
          >
        </div>
      </div>
    `;
  }

  private radio(name: 'theme' | 'font', value: string, label: string, checked: boolean, className = '') {
    return html`<label>
      <input
        type="radio"
        name=${name}
        .value=${value}
        .checked=${checked}
        @change=${() => this.dispatchEvent(new SettingsChangeEvent({ [name]: value } as Partial<Settings>))}
      /><span class=${className}>${label}</span>
    </label>`;
  }

  private slider({ key, label, step, unit }: Slider) {
    const { min, max } = SETTINGS_LIMITS[key];
    const value = this.settings[key];
    const shown = key === 'lineHeight' ? value.toFixed(2) : `${value}${unit}`;
    return html`<div class="slider">
      <label for=${key}>${label}</label>
      <output for=${key} aria-hidden="true">${shown}</output>
      <input
        id=${key}
        type="range"
        min=${min}
        max=${max}
        step=${step}
        .value=${String(value)}
        aria-valuetext=${shown}
        @input=${(event: Event) => this.changeSlider(key, (event.target as HTMLInputElement).valueAsNumber)}
      />
    </div>`;
  }

  private changeSlider(key: Slider['key'], raw: number): void {
    const { min, max } = SETTINGS_LIMITS[key];
    const value = Math.min(
      max,
      Math.max(min, key === 'lineHeight' ? Math.round(raw * 100) / 100 : Math.round(raw)),
    );
    if (value !== this.settings[key]) this.dispatchEvent(new SettingsChangeEvent({ [key]: value }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-settings': ReaderSettings;
  }
}

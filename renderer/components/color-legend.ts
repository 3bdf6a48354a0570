/**
 * <color-legend>: what each highlight colour means and which tag it adds to new highlights.
 * Edits are checked here (a refusal says why, nothing is stored) and sent up as settings changes.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HIGHLIGHT_COLORS, type HighlightColor, type Settings } from '../../preload/api';
import { swatchStyles } from '../highlighting/highlight-styles';
import { SettingsChangeEvent } from '../lib/events';
import { checkColorLabel, checkColorTag } from '../tags/color-legend-check';

/** @fires settings-change - SettingsChangeEvent with highlightLabels or colorTags */
@customElement('color-legend')
export class ColorLegend extends LitElement {
  static override styles = [
    swatchStyles,
    css`
      :host {
        display: block;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.8125rem;
      }
      th {
        text-align: start;
        font-weight: 500;
        color: var(--fg-muted);
        padding: 2px 4px;
      }
      td {
        padding: 2px 4px;
        vertical-align: middle;
      }
      .swatch {
        display: block;
      }
      input {
        width: 100%;
        box-sizing: border-box;
        padding: 3px 6px;
        border: 1px solid var(--border);
        border-radius: var(--radius-sm, 6px);
        background: var(--surface);
        color: var(--fg);
        font: inherit;
      }
      input[aria-invalid='true'] {
        border-color: var(--danger);
      }
      .error {
        margin: 4px 0 0;
        color: var(--danger);
        font-size: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) settings!: Settings;
  @state() private errors: Partial<Record<string, string>> = {};

  override render() {
    if (!this.settings) return nothing;
    const messages = Object.values(this.errors).filter(Boolean);
    return html`<table>
        <thead>
          <tr>
            <th scope="col" aria-label="Colour"></th>
            <th scope="col">Meaning</th>
            <th scope="col">Adds the tag</th>
          </tr>
        </thead>
        <tbody>
          ${HIGHLIGHT_COLORS.map((color) => this.renderRow(color))}
        </tbody>
      </table>
      ${messages.map((message) => html`<p class="error" role="alert">${message}</p>`)}`;
  }

  private renderRow(color: HighlightColor) {
    const label = this.settings.highlightLabels[color];
    return html`<tr>
      <td><span class="swatch ${color}" aria-hidden="true"></span></td>
      <td>
        <input
          aria-label="Meaning of ${color}"
          .value=${label}
          aria-invalid=${String(this.errors[`label-${color}`] !== undefined)}
          @change=${(event: Event) => this.changeLabel(color, event.target as HTMLInputElement)}
        />
      </td>
      <td>
        <input
          aria-label="Tag added by ${color}"
          placeholder="none"
          .value=${this.settings.colorTags[color] ?? ''}
          aria-invalid=${String(this.errors[`tag-${color}`] !== undefined)}
          @change=${(event: Event) => this.changeTag(color, event.target as HTMLInputElement)}
        />
      </td>
    </tr>`;
  }

  private changeLabel(color: HighlightColor, input: HTMLInputElement): void {
    const checked = checkColorLabel(input.value);
    this.setError(`label-${color}`, checked.ok ? undefined : `${color}: ${checked.message}`);
    if (!checked.ok) return;
    input.value = checked.value;
    const highlightLabels = { ...this.settings.highlightLabels, [color]: checked.value };
    this.dispatchEvent(new SettingsChangeEvent({ highlightLabels }));
  }

  private changeTag(color: HighlightColor, input: HTMLInputElement): void {
    const checked = checkColorTag(input.value);
    this.setError(`tag-${color}`, checked.ok ? undefined : `${color}: ${checked.message}`);
    if (!checked.ok) return;
    input.value = checked.value ?? '';
    const colorTags = { ...this.settings.colorTags, [color]: checked.value };
    this.dispatchEvent(new SettingsChangeEvent({ colorTags }));
  }

  private setError(key: string, message: string | undefined): void {
    const { [key]: _old, ...rest } = this.errors;
    this.errors = message === undefined ? rest : { ...rest, [key]: message };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'color-legend': ColorLegend;
  }
}

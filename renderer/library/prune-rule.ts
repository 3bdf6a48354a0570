/**
 * The pruning rule, where its effect is seen (the Trash): after how long trashed documents and the
 * earlier versions kept by "Update from file" are deleted for good, or never.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PRUNE_AFTER_DAYS, type PruneAfterDays } from '../../preload/api';
import { SettingsChangeEvent } from '../lib/events';
import { controlStyles } from '../styles/app-styles';

const NEVER = 'never';

/** How a rule reads in the menu. */
export function pruneRuleLabel(days: PruneAfterDays): string {
  if (days === null) return 'Never';
  return days === 365 ? 'After a year' : `After ${days} days`;
}

/** @fires settings-change */
@customElement('prune-rule')
export class PruneRule extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--space-2) var(--space-3);
        color: var(--fg-muted);
        font-size: 0.875rem;
      }
      label {
        color: var(--fg);
        font-weight: 500;
      }
      #rule.field {
        width: auto;
      }
    `,
  ];

  @property({ attribute: false }) days: PruneAfterDays = 30;

  override render() {
    return html`
      <label for="rule">Delete for good</label>
      <select id="rule" class="field" aria-describedby="what" @change=${this.onChange}>
        ${PRUNE_AFTER_DAYS.map((days) => html`<option value=${days}>${pruneRuleLabel(days)}</option>`)}
        <option value=${NEVER}>${pruneRuleLabel(null)}</option>
      </select>
      <span id="what">documents in the trash, and earlier versions kept by “Update from file”.</span>
    `;
  }

  // Set after the options exist: a select's value bound in the template would come before them.
  override updated(): void {
    const select = this.renderRoot.querySelector('select');
    if (select) select.value = this.days === null ? NEVER : String(this.days);
  }

  private onChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const days = value === NEVER ? null : PRUNE_AFTER_DAYS.find((offered) => String(offered) === value);
    if (days !== undefined) this.dispatchEvent(new SettingsChangeEvent({ pruneAfterDays: days }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prune-rule': PruneRule;
  }
}

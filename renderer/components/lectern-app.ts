import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

@customElement('lectern-app')
export class LecternApp extends LitElement {
  @state() private count = 0;
  override render() {
    return html`<button @click=${() => this.count++}>Count ${this.count}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-app': LecternApp;
  }
}

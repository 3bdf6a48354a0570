/** The few line icons the shell uses, drawn inline (the CSP allows no remote images). */
import { svg } from 'lit';

const icon = (body: ReturnType<typeof svg>) => svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor"
  stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const icons = {
  search: icon(svg`<circle cx="11" cy="11" r="6.5"/><path d="m20 20-4.2-4.2"/>`),
  plus: icon(svg`<path d="M12 5v14M5 12h14"/>`),
  trash: icon(svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"/>`),
  pencil: icon(svg`<path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4Z"/><path d="m13.5 6.5 4 4"/>`),
  restore: icon(svg`<path d="M4 12a8 8 0 1 0 2.4-5.7L4 8.6"/><path d="M4 4v4.6h4.6"/>`),
  back: icon(svg`<path d="M19 12H5M11 6l-6 6 6 6"/>`),
  close: icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`),
  book: icon(
    svg`<path d="M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5v-15Z"/><path d="M4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5"/>`,
  ),
  upload: icon(svg`<path d="M12 16V4M7 9l5-5 5 5"/><path d="M4 16v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3"/>`),
  sun: icon(
    svg`<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>`,
  ),
  moon: icon(svg`<path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z"/>`),
  sepia: icon(svg`<path d="M6 3h12v18l-6-4-6 4V3Z"/>`),
  system: icon(svg`<rect x="3" y="4" width="18" height="13" rx="2"/><path d="M8 21h8M12 17v4"/>`),
  highlight: icon(
    svg`<path d="m9 11-5 5v4h4l5-5"/><path d="m13 7 4 4 4-4-4-4-4 4Z"/><path d="m9 11 4-4 4 4-4 4-4-4Z"/>`,
  ),
  check: icon(svg`<path d="m5 12 5 5 9-10"/>`),
  tag: icon(svg`<path d="M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9-9-9Z"/><circle cx="7.5" cy="7.5" r="1.5"/>`),
};

/**
 * zod schemas for everything that crosses the boundary into the core, composed from the
 * domains' own schema files: the arguments of each contract method, and stored shapes.
 */
import { appArguments } from './app/schemas';
import { firstScreenArguments } from './documents/first-screen-schemas';
import { documentArguments } from './documents/schemas';
import { exportArguments } from './export/schemas';
import { highlightArguments } from './highlights/schemas';
import { interopArguments } from './interop/schemas';
import { linkArguments } from './links/schemas';
import { noteArguments } from './notes/schemas';
import { searchArguments } from './search/schemas';
import { settingsArguments } from './settings/schemas';
import { tagArguments } from './tags/schemas';
import { workspaceArguments } from './workspace/schemas';

export * from './app/schemas';
export * from './documents/schemas';
export * from './highlights/schemas';
export * from './settings/schemas';

/** Argument lists per method: tuples without a rest element, so extra arguments fail. */
export const argumentSchemas = {
  ...appArguments,
  ...documentArguments,
  ...exportArguments,
  ...firstScreenArguments,
  ...highlightArguments,
  ...interopArguments,
  ...linkArguments,
  ...noteArguments,
  ...searchArguments,
  ...settingsArguments,
  ...tagArguments,
  ...workspaceArguments,
} as const;

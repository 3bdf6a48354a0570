/** The app domain: where the library is and what the user should be told about it. */
import type { LibraryInfo } from '../../../preload/api';
import type { Notices } from './notices';

export class AppService {
  constructor(
    private readonly root: string,
    private readonly notices: Notices,
  ) {}

  getLibraryInfo(): LibraryInfo {
    return { path: this.root, notices: this.notices.list() };
  }
}

/** The app domain: where the library is and what the user should be told about it. */
import type { LibraryInfo, Result } from '../../../preload/api';
import { attemptWrite } from '../storage/failures';
import type { Notices } from './notices';

export class AppService {
  constructor(
    private readonly root: string,
    private readonly notices: Notices,
  ) {}

  getLibraryInfo(): LibraryInfo {
    return { path: this.root, notices: this.notices.list() };
  }

  /** The user dismissed a notice: it is not listed again, in this session or the next. */
  acknowledgeNotice(id: string): Promise<Result<null>> {
    return attemptWrite('clear the notice (it is shown again at the next start)', async () => {
      await this.notices.acknowledge(id);
      return null;
    });
  }
}

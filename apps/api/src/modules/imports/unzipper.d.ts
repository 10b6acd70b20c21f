/** The part of unzipper (an exceljs dependency, no bundled types) that the row estimate uses. */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  interface CentralDirectoryFile {
    path: string;
    stream(): Readable;
  }

  export const Open: {
    file(path: string): Promise<{ files: CentralDirectoryFile[] }>;
  };
}

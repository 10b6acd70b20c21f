import type { SharePackageDto, ShareFormat, ShareSize } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

export const shareApi = {
  /** The caller's own package for a live card: link with their referral code, QR code, text, poster data. */
  package: (promoId: string, format: ShareFormat = 'png', size: ShareSize = 'screen', signal?: AbortSignal) =>
    http.get<SharePackageDto>(`/api/promo-projects/${promoId}/share`, { format, size }, { signal }),
};

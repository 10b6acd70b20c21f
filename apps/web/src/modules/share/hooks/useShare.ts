import type { SharePackageDto } from '@lianqiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { shareApi } from '../api/share-api';
import { drawPoster, type PosterInput } from '../poster';

export const shareKeys = {
  package: (promoId: string) => ['share', promoId, 'png', 'screen'] as const,
  poster: (promoId: string, url: string) => ['share', promoId, 'poster', url] as const,
};

/** The package shown on screen (PNG QR at screen size); other formats are fetched on download. */
export function useSharePackage(promoId: string, enabled: boolean) {
  return useQuery({
    queryKey: shareKeys.package(promoId),
    queryFn: ({ signal }) => shareApi.package(promoId, 'png', 'screen', signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The cover as a path on the console's own origin, so the canvas stays readable (no cross-origin taint). */
export function sameOriginPath(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.pathname + parsed.search;
  } catch {
    return null;
  }
}

export type PosterRenderer = (
  input: Omit<PosterInput, 'hasCover'>,
  sources: { coverUrl: string | null; qrUrl: string },
) => Promise<string>;

/** The poster as a PNG data URL, drawn once per package (and again on request). */
export function usePoster(promoId: string, pkg: SharePackageDto | undefined, render: PosterRenderer = drawPoster) {
  return useQuery({
    queryKey: shareKeys.poster(promoId, pkg?.url ?? ''),
    queryFn: () => {
      const { poster, qr } = pkg as SharePackageDto;
      return render(
        {
          title: poster.title,
          kindLabel: poster.kindLabel,
          summary: poster.summary,
          districtName: poster.districtName,
          figures: poster.figures,
          contactName: poster.contactName,
          contactPhone: poster.contactPhone,
        },
        { coverUrl: sameOriginPath(poster.coverUrl), qrUrl: qr.dataUrl },
      );
    },
    enabled: pkg !== undefined,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });
}

import type { CardImage } from '@lianqiao/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { aSession, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { ImageUploader } from '../components/ImageUploader';

const ID = '00000000-0000-4000-8000-0000000000c1';
const image = (id: string): CardImage => ({
  id,
  width: 1600,
  height: 1000,
  variants: [
    { size: 'sm', width: 480, height: 300, url: `/c/img/${id}-sm.webp` },
    { size: 'lg', width: 1600, height: 1000, url: `/c/img/${id}-lg.webp` },
  ],
});

/** The uploader as the editor holds it: the pictures in state, changed through an update function. */
function Harness({ max, initial = [] }: { max: number; initial?: CardImage[] }) {
  const [images, setImages] = useState<CardImage[]>(initial);
  return (
    <>
      <ImageUploader promoId={ID} images={images} max={max} label="实景图片" onChange={(update) => setImages(update)} />
      <output data-testid="ids">{images.map((i) => i.id).join(',')}</output>
    </>
  );
}

const fileInput = () => document.querySelector('input[type="file"]') as HTMLInputElement;
const choose = (...files: File[]) => fireEvent.change(fileInput(), { target: { files } });

describe(ImageUploader.name, () => {
  beforeEach(() => resetConsole(aSession()));
  afterAll(() => resetConsole());

  it('uploads each chosen picture to the card as multipart with the bearer token, and shows it', async () => {
    const api = fakeApi({
      [`POST /api/promo-projects/${ID}/images`]: [
        { status: 201, body: image('img-1') },
        { status: 201, body: image('img-2') },
      ],
    });
    global.fetch = api.fetch;
    renderInConsole(<Harness max={6} />);
    expect(fileInput().getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');

    choose(new File(['a'], 'park.jpg', { type: 'image/jpeg' }), new File(['b'], 'hall.png', { type: 'image/png' }));

    await waitFor(() => expect(screen.getByTestId('ids').textContent).toBe('img-1,img-2'));
    expect(api.calls.map((c) => [c.method, c.path])).toEqual([
      ['POST', `/api/promo-projects/${ID}/images`],
      ['POST', `/api/promo-projects/${ID}/images`],
    ]);
    expect((api.fetch.mock.calls[0][1]?.headers as Headers).get('Authorization')).toBe('Bearer access-1');
    const body = api.fetch.mock.calls[0][1]?.body as FormData;
    expect((body.get('file') as File).name).toBe('park.jpg');
    expect(screen.getAllByRole('img', { name: '实景图片' }).map((img) => img.getAttribute('src'))).toEqual([
      '/c/img/img-1-sm.webp',
      '/c/img/img-2-sm.webp',
    ]);
  });

  it('shows the server’s own reason when it refuses a file: not a picture (400), too large (413)', async () => {
    global.fetch = fakeApi({
      [`POST /api/promo-projects/${ID}/images`]: [
        {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'file: 仅支持 JPEG、PNG 或 WebP 图片',
            details: [{ field: 'file', message: '仅支持 JPEG、PNG 或 WebP 图片' }],
          },
        },
        {
          status: 413,
          body: { statusCode: 413, error: 'Payload Too Large', message: '图片过大，最大 8 MB (file too large)' },
        },
      ],
    }).fetch;
    renderInConsole(<Harness max={6} />);

    choose(new File(['%PDF'], 'brochure.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByText('brochure.jpg：仅支持 JPEG、PNG 或 WebP 图片')).toBeTruthy();

    choose(new File(['x'], 'huge.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByText('huge.jpg：图片过大，最大 8 MB (file too large)')).toBeTruthy();
    expect(screen.getByTestId('ids').textContent).toBe('');
  });

  it('replaces the one cover, removes a picture on request, and offers no more uploads at the limit', async () => {
    global.fetch = fakeApi({
      [`POST /api/promo-projects/${ID}/images`]: { status: 201, body: image('img-new') },
    }).fetch;
    renderInConsole(<Harness max={1} initial={[image('img-old')]} />);

    expect(document.querySelector('input[type="file"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '移除图片' }));
    await waitFor(() => expect(screen.getByTestId('ids').textContent).toBe(''));

    choose(new File(['a'], 'cover.webp', { type: 'image/webp' }));

    await waitFor(() => expect(screen.getByTestId('ids').textContent).toBe('img-new'));
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });
});

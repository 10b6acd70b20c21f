import { DeleteOutlined, LoadingOutlined, PlusOutlined } from '@ant-design/icons';
import type { CardImage } from '@lianqiao/contracts';
import { Alert, Button, Flex, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../../shared/http';
import { promoApi } from '../api/promo-api';
import styles from './ImageUploader.module.css';

const ACCEPT = 'image/jpeg,image/png,image/webp';

function thumbnailOf(image: CardImage): string {
  return (image.variants.find((v) => v.size === 'sm') ?? image.variants[0])?.url ?? '';
}

/**
 * Pictures for a card, uploaded at once to the card (the server checks each by its content and
 * stores web sizes); they join the card's content when the form is saved. The server's own
 * answer to a refused file (not a picture: 400; too large: 413) is shown as it is.
 */
export function ImageUploader({
  promoId,
  images,
  max,
  onChange,
  label,
}: {
  /** The card's id: pictures belong to a saved card. */
  promoId: string;
  images: CardImage[];
  max: number;
  /** Gets a function of the current pictures, so that uploads finishing together all count. */
  onChange: (update: (images: CardImage[]) => CardImage[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);

  return (
    <div>
      <Flex gap={8} wrap>
        {images.map((image) => (
          <div key={image.id} className={styles.tile}>
            <img src={thumbnailOf(image)} alt={label} className={styles.thumb} />
            <Tooltip title={t('promo.images.remove')}>
              <Button
                size="small"
                shape="circle"
                danger
                className={styles.remove}
                icon={<DeleteOutlined />}
                aria-label={t('promo.images.remove')}
                onClick={() => onChange((current) => current.filter((other) => other.id !== image.id))}
              />
            </Tooltip>
          </div>
        ))}
        {images.length + uploading < max ? (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            multiple={max > 1}
            customRequest={({ file, onSuccess, onError }) => {
              const blob = file as File;
              setError(null);
              setUploading((n) => n + 1);
              promoApi
                .uploadImage(promoId, blob, blob.name || 'image')
                .then((image) => {
                  onSuccess?.(image);
                  onChange((current) => (max === 1 ? [image] : [...current, image].slice(0, max)));
                })
                .catch((failure: unknown) => {
                  // The server names the file field ("file: …"); its own sentence reads better under the picture.
                  const reason = (isApiError(failure) && failure.fieldErrors().file?.[0]) || describeError(failure, t);
                  setError(`${blob.name}：${reason}`);
                  onError?.(failure as Error);
                })
                .finally(() => setUploading((n) => n - 1));
            }}
          >
            <button type="button" className={styles.add} aria-label={t('promo.images.upload', { what: label })}>
              {uploading ? <LoadingOutlined /> : <PlusOutlined />}
              <span>{uploading ? t('promo.images.uploading') : t('promo.images.upload', { what: label })}</span>
            </button>
          </Upload>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" className={styles.hint}>
        {t('promo.images.hint', { max })}
      </Typography.Text>
      {error ? (
        <Alert type="error" showIcon closable onClose={() => setError(null)} title={error} style={{ marginTop: 8 }} />
      ) : null}
    </div>
  );
}

import { CopyOutlined, DownloadOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import type { PromoProjectDto, ShareFormat, ShareSize } from '@lianqiao/contracts';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, Row, Skeleton, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { saveFile } from '../../promo-projects/api/authorized-fetch';
import { isLive } from '../../promo-projects/utils';
import { shareApi } from '../api/share-api';
import { copyText } from '../copy-text';
import { isLoopbackLink } from '../loopback';
import { usePoster, useSharePackage, type PosterRenderer } from '../hooks/useShare';
import { POSTER_HEIGHT, POSTER_WIDTH } from '../poster';
import styles from './SharePanel.module.css';

const QR_DOWNLOADS: {
  format: ShareFormat;
  size: ShareSize;
  label: 'downloadSvg' | 'downloadPngScreen' | 'downloadPngPrint';
}[] = [
  { format: 'svg', size: 'screen', label: 'downloadSvg' },
  { format: 'png', size: 'screen', label: 'downloadPngScreen' },
  { format: 'png', size: 'print', label: 'downloadPngPrint' },
];

/**
 * "一键转发": the signed-in user's own share package for a live card — the link with their
 * referral code, the QR code in every size, a poster drawn in the browser and shown as an image
 * (a long press saves it in WeChat), and a text to paste into a chat.
 */
export function SharePanel({ project, renderPoster }: { project: PromoProjectDto; renderPoster?: PosterRenderer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const live = isLive(project);
  const pkg = useSharePackage(project.id, live);
  const poster = usePoster(project.id, pkg.data, renderPoster);
  const [downloading, setDownloading] = useState<string | null>(null);

  if (!live) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <div>{t('share.notLive')}</div>
            <Typography.Text type="secondary">{t('share.notLiveHint')}</Typography.Text>
          </>
        }
      />
    );
  }
  if (pkg.isError) return <Alert type="error" showIcon title={describeError(pkg.error, t)} />;
  if (!pkg.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = pkg.data;

  const copy = async (text: string) => {
    if (await copyText(text)) message.success(t('share.copied'));
    else message.error(t('share.copyFailed'));
  };

  const downloadQr = async (format: ShareFormat, size: ShareSize) => {
    const key = `${format}-${size}`;
    setDownloading(key);
    try {
      const other = format === 'png' && size === 'screen' ? data : await shareApi.package(project.id, format, size);
      saveFile(other.qr.dataUrl, `${project.slug}-qr-${size}-${other.qr.pixels}.${format}`);
    } catch (error) {
      message.error(t('share.downloadFailed', { reason: describeError(error, t) }));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Row gutter={[24, 24]} data-testid="share-panel">
      <Col flex="1 1 340px" style={{ minWidth: 0 }}>
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('share.intro', { code: data.referralCode })}
          </Typography.Paragraph>
          {isLoopbackLink(data.url) && (
            <Alert
              type="warning"
              showIcon
              data-testid="share-loopback-warning"
              title={t('share.loopbackTitle')}
              description={t('share.loopbackHint', { host: new URL(data.url).host })}
            />
          )}
          <Card size="small" title={t('share.link')}>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                readOnly
                value={data.url}
                aria-label={t('share.link')}
                data-testid="share-link"
                onFocus={(e) => e.target.select()}
              />
              <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy(data.url)}>
                {t('share.copyLink')}
              </Button>
              <Button icon={<ExportOutlined />} href={data.url} target="_blank" rel="noopener noreferrer">
                {t('share.openLink')}
              </Button>
            </Space.Compact>
          </Card>
          <Card size="small" title={t('share.qr')}>
            <Flex gap={20} align="center" wrap>
              <img
                src={data.qr.dataUrl}
                alt={t('share.qrAlt')}
                width={168}
                height={168}
                className={styles.qr}
                data-testid="share-qr"
              />
              <Flex vertical gap={8}>
                {QR_DOWNLOADS.map(({ format, size, label }) => (
                  <Button
                    key={`${format}-${size}`}
                    icon={<DownloadOutlined />}
                    loading={downloading === `${format}-${size}`}
                    onClick={() => void downloadQr(format, size)}
                  >
                    {t(`share.${label}`)}
                  </Button>
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('share.qrHint')}
                </Typography.Text>
              </Flex>
            </Flex>
          </Card>
          <Card
            size="small"
            title={t('share.text')}
            extra={
              <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(data.text)}>
                {t('share.copyText')}
              </Button>
            }
          >
            <Input.TextArea readOnly value={data.text} rows={5} aria-label={t('share.text')} data-testid="share-text" />
          </Card>
        </Flex>
      </Col>
      <Col flex="0 0 300px">
        <Card size="small" title={t('share.poster')}>
          <Flex vertical align="center" gap={12}>
            <div className={styles.posterBox}>
              {poster.data ? (
                <img
                  src={poster.data}
                  alt={t('share.posterAlt', { title: project.title })}
                  className={styles.poster}
                  data-testid="share-poster"
                  width={POSTER_WIDTH / 4}
                  height={POSTER_HEIGHT / 4}
                />
              ) : poster.isError ? (
                <Flex vertical align="center" justify="center" gap={8} className={styles.posterFallback}>
                  <Typography.Text type="danger">
                    {t('share.posterFailed', { reason: describeError(poster.error, t) })}
                  </Typography.Text>
                  <Button size="small" icon={<ReloadOutlined />} onClick={() => void poster.refetch()}>
                    {t('share.posterRetry')}
                  </Button>
                </Flex>
              ) : (
                <Flex align="center" justify="center" className={styles.posterFallback}>
                  <Spin description={t('share.posterDrawing')} />
                </Flex>
              )}
            </div>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              disabled={!poster.data}
              onClick={() =>
                poster.data && saveFile(poster.data, `${project.slug}-poster-${POSTER_WIDTH}x${POSTER_HEIGHT}.png`)
              }
              block
            >
              {t('share.downloadPoster')}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
              {t('share.posterHint')}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

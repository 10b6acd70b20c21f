import { CopyOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Flex, Input, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../../shared/http';
import { useRequestLink, useRotateRequestLink } from '../hooks/useAftercare';
import { copyText, downloadPng, downloadSvg, fileNameOf, svgDataUrl } from '../utils/download';

/**
 * The enterprise's request QR code: shown, copied, downloaded (SVG for print, PNG for WeChat) and
 * replaced when a printed code leaked. Those who do not look after the company are told why not.
 */
export function RequestQrCard({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const link = useRequestLink(companyId, true);
  const rotate = useRotateRequestLink();

  const confirmRotate = () =>
    modal.confirm({
      title: t('aftercare.qr.rotate'),
      content: t('aftercare.qr.rotateConfirm'),
      okText: t('aftercare.qr.rotate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        rotate
          .mutateAsync(companyId)
          .then(() => message.success(t('aftercare.qr.rotated')))
          .catch((error: unknown) => {
            message.error(describeError(error, t));
          }),
    });

  let body;
  if (link.isLoading) body = <Skeleton.Image active style={{ width: 160, height: 160 }} />;
  else if (link.isError)
    body = (
      <Alert
        type={isApiError(link.error) && [403, 422].includes(link.error.status) ? 'info' : 'error'}
        showIcon
        title={describeError(link.error, t)}
      />
    );
  else if (link.data) {
    const data = link.data;
    body = (
      <Flex gap={20} align="flex-start" wrap>
        <img
          src={svgDataUrl(data.qrSvg)}
          alt={t('aftercare.qr.alt', { name: companyName })}
          width={160}
          height={160}
          data-testid="request-qr"
          style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 4, background: '#fff' }}
        />
        <Flex vertical gap={10} style={{ flex: 1, minWidth: 240 }}>
          <Typography.Text type="secondary">{t('aftercare.qr.help')}</Typography.Text>
          <Space.Compact style={{ width: '100%' }}>
            <Input readOnly value={data.url} aria-label={t('aftercare.qr.link')} data-testid="request-form-url" />
            <Button
              icon={<CopyOutlined />}
              onClick={() => void copyText(data.url).then(() => message.success(t('aftercare.qr.copied')))}
            >
              {t('aftercare.qr.copy')}
            </Button>
          </Space.Compact>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => downloadSvg(data.qrSvg, fileNameOf(companyName, '诉求二维码.svg'))}
            >
              {t('aftercare.qr.downloadSvg')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadPng(data.qrSvg, fileNameOf(companyName, '诉求二维码.png')).catch((error: unknown) =>
                  message.error(describeError(error, t)),
                )
              }
            >
              {t('aftercare.qr.downloadPng')}
            </Button>
            <Button danger icon={<ReloadOutlined />} loading={rotate.isPending} onClick={confirmRotate}>
              {t('aftercare.qr.rotate')}
            </Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('aftercare.qr.createdAt', { time: dayjs(data.createdAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        </Flex>
      </Flex>
    );
  }
  return (
    <Card variant="borderless" title={t('aftercare.qr.title')}>
      {body}
    </Card>
  );
}

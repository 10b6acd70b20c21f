import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import type { EnterpriseRequestDto } from '@lianqiao/contracts';
import { Alert, App, Button, Card, Flex, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useFeedbackLink } from '../hooks/useAftercare';
import { copyText, svgDataUrl } from '../utils/download';

/** The one-time link the enterprise gets once its request is resolved: copy it or show the QR code. */
export function FeedbackLinkCard({ request }: { request: EnterpriseRequestDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const link = useFeedbackLink(request);
  if (!request.resolvedAt) return null;

  return (
    <Card variant="borderless" title={t('aftercare.request.feedback.title')} data-testid="feedback-link-card">
      {link.isError ? <Alert type="error" showIcon title={describeError(link.error, t)} /> : null}
      {link.data ? (
        link.data.used ? (
          <Space>
            <CheckCircleFilled style={{ color: '#2e8b57' }} />
            <Typography.Text>{t('aftercare.request.feedback.used')}</Typography.Text>
          </Space>
        ) : (
          <Flex gap={16} align="flex-start" wrap>
            <img
              src={svgDataUrl(link.data.qrSvg)}
              alt={t('aftercare.request.feedback.alt')}
              width={120}
              height={120}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}
            />
            <Flex vertical gap={8} style={{ flex: 1, minWidth: 220 }}>
              <Typography.Text type="secondary">{t('aftercare.request.feedback.help')}</Typography.Text>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  readOnly
                  value={link.data.url}
                  data-testid="feedback-url"
                  aria-label={t('aftercare.request.feedback.title')}
                />
                <Button
                  icon={<CopyOutlined />}
                  onClick={() =>
                    void copyText(link.data.url).then(() => message.success(t('aftercare.request.feedback.copied')))
                  }
                >
                  {t('aftercare.request.feedback.copy')}
                </Button>
              </Space.Compact>
            </Flex>
          </Flex>
        )
      ) : null}
    </Card>
  );
}

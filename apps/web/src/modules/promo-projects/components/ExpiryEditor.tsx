import type { PromoProjectDto } from '@lianqiao/contracts';
import { App, Button, DatePicker, Flex, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useUpdatePromo } from '../hooks/usePromoProjects';

/** The card's expiry date: it applies at once, without review; the card goes down at the end of that day. */
export function ExpiryEditor({ project, editable }: { project: PromoProjectDto; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdatePromo();
  const [value, setValue] = useState<Dayjs | null>(project.expiresAt ? dayjs(project.expiresAt) : null);
  const current = project.expiresAt ? dayjs(project.expiresAt) : null;
  const changed = (value?.endOf('day').valueOf() ?? null) !== (current?.valueOf() ?? null);

  if (!editable) {
    return <>{current ? current.format('YYYY-MM-DD') : t('promo.detail.noExpiry')}</>;
  }

  const save = async () => {
    try {
      await update.mutateAsync({
        id: project.id,
        expiresAt: value ? value.endOf('day').toISOString() : null,
        version: project.version,
      });
      message.success(value ? t('promo.detail.expirySaved') : t('promo.detail.expiryCleared'));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center">
        <DatePicker
          value={value}
          onChange={setValue}
          allowClear
          placeholder={t('promo.detail.noExpiry')}
          aria-label={t('promo.detail.setExpiry')}
          disabledDate={(day) => day.isBefore(dayjs(), 'day')}
          size="small"
        />
        {changed ? (
          <Button size="small" type="primary" loading={update.isPending} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('promo.detail.expiryHint')}
      </Typography.Text>
    </Flex>
  );
}

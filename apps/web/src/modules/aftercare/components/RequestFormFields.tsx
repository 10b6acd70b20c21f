import {
  PUBLIC_REQUEST_LIMITS,
  PUBLIC_REQUEST_MOBILE_PATTERN,
  REQUEST_CATEGORIES,
  type RequestCategory,
} from '@lianqiao/contracts';
import { Checkbox, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRequestCategories } from '../hooks/useAftercare';

/** What a request says: its category (with the default deadline of each), description and 办不成事. Logging and editing share them. */
export function RequestContentFields() {
  const { t } = useTranslation();
  const categories = useRequestCategories();
  const dueDays = new Map(categories.data?.items.map((c) => [c.category, c.dueDays]));
  return (
    <>
      <Form.Item
        name="category"
        label={t('aftercare.create.category')}
        rules={[{ required: true, message: t('common.requiredChoice', { field: t('aftercare.create.category') }) }]}
      >
        <Select<RequestCategory>
          options={REQUEST_CATEGORIES.map((category) => {
            const label = t(`aftercare.categories.${category}`);
            const days = dueDays.get(category);
            return { value: category, label: days ? t('aftercare.create.categoryDue', { label, days }) : label };
          })}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('aftercare.create.description')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('aftercare.create.description') }),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={PUBLIC_REQUEST_LIMITS.description} showCount />
      </Form.Item>
      <Form.Item name="cannotBeDone" valuePropName="checked" extra={t('aftercare.create.cannotBeDoneHelp')}>
        <Checkbox>{t('aftercare.create.cannotBeDone')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** The enterprise's contact for the request, side by side. */
export function RequestContactFields() {
  const { t } = useTranslation();
  return (
    <Flex gap={12}>
      <Form.Item
        name="contactName"
        label={t('aftercare.create.contactName')}
        style={{ flex: 1 }}
        rules={[
          {
            max: PUBLIC_REQUEST_LIMITS.contactName,
            message: t('common.maxLength', {
              field: t('aftercare.create.contactName'),
              max: PUBLIC_REQUEST_LIMITS.contactName,
            }),
          },
        ]}
      >
        <Input maxLength={PUBLIC_REQUEST_LIMITS.contactName} />
      </Form.Item>
      <Form.Item
        name="contactMobile"
        label={t('aftercare.create.contactMobile')}
        style={{ flex: 1 }}
        rules={[{ pattern: PUBLIC_REQUEST_MOBILE_PATTERN, message: t('aftercare.create.mobileFormat') }]}
      >
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
    </Flex>
  );
}

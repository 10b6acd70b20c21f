import { seesAllTeams } from '@lianqiao/domain';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CULTIVATION_GOALS, type CultivationEntryDto, type CultivationGoal, type UserDto } from '@lianqiao/contracts';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { useSaveCultivation } from '../hooks/useAftercare';
import { CompanySelect, UserSelect } from './PeopleSelect';

interface MilestoneValues {
  title: string;
  dueOn: Dayjs;
  doneOn?: Dayjs | null;
}

interface Values {
  companyId: string;
  goal: CultivationGoal;
  measures: string;
  ownerId?: string;
  milestones?: MilestoneValues[];
  achievedOn?: Dayjs | null;
}

const DAY = 'YYYY-MM-DD';

function valuesOf(entry: CultivationEntryDto): Partial<Values> {
  return {
    companyId: entry.companyId,
    goal: entry.goal,
    measures: entry.measures,
    ownerId: entry.ownerId,
    milestones: entry.milestones.map((m) => ({
      title: m.title,
      dueOn: dayjs(m.dueOn),
      doneOn: m.doneOn ? dayjs(m.doneOn) : null,
    })),
    achievedOn: entry.achievedOn ? dayjs(entry.achievedOn) : null,
  };
}

export interface CultivationDrawerProps {
  open: boolean;
  /** The entry to edit; null to put a company into the pool. */
  entry: CultivationEntryDto | null;
  user: Pick<UserDto, 'id' | 'displayName' | 'role'>;
  onClose: () => void;
}

/**
 * 一企一策: the goal, the measures, who carries the plan and its milestones with dates. Give it a
 * new `key` per opening. A stale save (409) says so; closing and reopening loads the latest.
 */
export function CultivationDrawer({ open, entry, user, onClose }: CultivationDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCultivation();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const seesAll = seesAllTeams(user);

  const submit = (values: Values) => {
    setFormError(null);
    const milestones = (values.milestones ?? []).map((m) => ({
      title: m.title.trim(),
      dueOn: m.dueOn.format(DAY),
      doneOn: m.doneOn ? m.doneOn.format(DAY) : null,
    }));
    const onError = (error: unknown) => {
      const outcome = applyServerErrors(form, error, t);
      setStale(outcome.stale);
      setFormError(outcome.message);
    };
    if (entry) {
      save.mutate(
        {
          id: entry.id,
          update: {
            goal: values.goal,
            measures: values.measures.trim(),
            ...(seesAll && values.ownerId && values.ownerId !== entry.ownerId ? { ownerId: values.ownerId } : {}),
            milestones,
            achievedOn: values.achievedOn ? values.achievedOn.format(DAY) : null,
            version: entry.version,
          },
        },
        {
          onSuccess: () => {
            message.success(t('aftercare.cultivation.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      save.mutate(
        {
          create: {
            companyId: values.companyId,
            goal: values.goal,
            measures: values.measures.trim(),
            ...(values.ownerId && values.ownerId !== user.id ? { ownerId: values.ownerId } : {}),
            milestones,
          },
        },
        {
          onSuccess: (saved) => {
            message.success(t('aftercare.cultivation.created', { name: saved.companyName }));
            onClose();
          },
          onError,
        },
      );
    }
  };

  const required = (field: string, choice = false) => ({
    required: true,
    // whitespace makes the rule a string rule: only for text fields, never for dates or choices.
    ...(choice ? {} : { whitespace: true }),
    message: t(choice ? 'common.requiredChoice' : 'common.requiredField', { field }),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={entry ? t('aftercare.cultivation.editOf', { name: entry.companyName }) : t('aftercare.cultivation.create')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="cultivation-submit"
          >
            {entry ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError} stale={stale} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={save.isPending}
        initialValues={entry ? valuesOf(entry) : { ownerId: user.id, milestones: [] }}
      >
        <Form.Item
          name="companyId"
          label={t('aftercare.cultivation.fields.company')}
          rules={[required(t('aftercare.cultivation.fields.company'), true)]}
        >
          <CompanySelect
            scope="all"
            disabled={Boolean(entry)}
            known={entry ? { id: entry.companyId, name: entry.companyName } : null}
            placeholder={t('aftercare.cultivation.fields.companyPlaceholder')}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="goal"
            label={t('aftercare.cultivation.fields.goal')}
            rules={[required(t('aftercare.cultivation.fields.goal'), true)]}
            style={{ flex: 1 }}
          >
            <Select<CultivationGoal>
              options={CULTIVATION_GOALS.map((goal) => ({ value: goal, label: t(`aftercare.goals.${goal}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="ownerId"
            label={t('aftercare.cultivation.fields.owner')}
            extra={seesAll ? undefined : t('aftercare.cultivation.fields.ownerHelp')}
            style={{ flex: 1 }}
          >
            <UserSelect
              disabled={!seesAll}
              known={
                entry ? { id: entry.ownerId, name: entry.ownerName ?? '' } : { id: user.id, name: user.displayName }
              }
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="measures"
          label={t('aftercare.cultivation.fields.measures')}
          rules={[required(t('aftercare.cultivation.fields.measures'))]}
        >
          <Input.TextArea
            rows={4}
            maxLength={5000}
            showCount
            placeholder={t('aftercare.cultivation.fields.measuresPlaceholder')}
          />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('aftercare.cultivation.fields.milestones')}
        </Typography.Text>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid={`milestone-${index}`}>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[required(t('aftercare.cultivation.fields.milestoneTitle'))]}
                    style={{ flex: 2, marginBottom: 8 }}
                  >
                    <Input
                      maxLength={200}
                      aria-label={t('aftercare.cultivation.fields.milestoneTitle')}
                      placeholder={t('aftercare.cultivation.fields.milestoneTitlePlaceholder')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'dueOn']}
                    rules={[required(t('aftercare.cultivation.fields.dueOn'), true)]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <DatePicker placeholder={t('aftercare.cultivation.fields.dueOn')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'doneOn']} style={{ flex: 1, marginBottom: 8 }}>
                    <DatePicker placeholder={t('aftercare.cultivation.fields.doneOn')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('aftercare.cultivation.fields.removeMilestone')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', dueOn: undefined, doneOn: null })}
              >
                {t('aftercare.cultivation.fields.addMilestone')}
              </Button>
            </Flex>
          )}
        </Form.List>
        {entry ? (
          <Form.Item
            name="achievedOn"
            label={t('aftercare.cultivation.fields.achievedOn')}
            extra={t('aftercare.cultivation.fields.achievedOnHelp')}
            style={{ marginTop: 16 }}
          >
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}

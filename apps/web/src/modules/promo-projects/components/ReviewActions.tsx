import {
  BarChartOutlined,
  CheckOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { PROMO_LIMITS, type PromoProjectDto, type UserDto } from '@lianqiao/contracts';
import { App, Button, Dropdown, Form, Input, Modal, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../shared/http';
import { usePromoAction, useRemovePromo, useReturnPromo, type PromoAction } from '../hooks/usePromoProjects';
import { canEditPromo, canReview } from '../utils';

/** Which actions a user has on a card now; the API enforces the same. */
export function actionsFor(me: Pick<UserDto, 'id' | 'role' | 'teamId'>, p: PromoProjectDto) {
  const edit = canEditPromo(me, p);
  const inReview = p.reviewState === 'in_review';
  return {
    edit: edit && !inReview,
    submit: edit && !inReview && (p.reviewState !== 'clean' || p.status === 'draft' || p.status === 'unpublished'),
    approve: canReview(me) && inReview,
    return: canReview(me) && inReview,
    pause: edit && p.status === 'published',
    resume: edit && p.status === 'paused',
    unpublish: edit && (p.status === 'published' || p.status === 'paused'),
    remove: edit,
    stats: edit && p.liveVersion !== null,
  };
}

const CONFIRM_KEYS = {
  submit: 'promo.detail.confirmSubmit',
  approve: 'promo.detail.confirmApprove',
  pause: 'promo.detail.confirmPause',
  resume: 'promo.detail.confirmResume',
  unpublish: 'promo.detail.confirmUnpublish',
} as const;

/** The card page's buttons: edit, review (submit; approve or return), availability (pause, resume, unpublish), delete. */
export function ReviewActions({
  project,
  me,
}: {
  project: PromoProjectDto;
  me: Pick<UserDto, 'id' | 'role' | 'teamId'>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const act = usePromoAction();
  const giveBack = useReturnPromo();
  const remove = useRemovePromo();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const can = actionsFor(me, project);

  const run = (action: PromoAction) =>
    modal.confirm({
      title: t(CONFIRM_KEYS[action], { title: project.title }),
      okText: t(`promo.detail.${action}`),
      okButtonProps: { danger: action === 'unpublish' || action === 'pause' },
      cancelText: t('common.cancel'),
      onOk: () =>
        act
          .mutateAsync({ project, action })
          .then(() => message.success(t(`promo.detail.done.${action}`)))
          .catch((error: unknown) => {
            message.error(describeError(error, t));
          }),
    });

  const doRemove = () =>
    modal.confirm({
      title: t('promo.detail.confirmRemove', { title: project.title }),
      okText: t('promo.detail.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(project)
          .then(() => {
            message.success(t('promo.detail.done.remove'));
            navigate('/promo-projects');
          })
          .catch((error: unknown) => {
            message.error(describeError(error, t));
          }),
    });

  const sendBack = async () => {
    let comment: string;
    try {
      ({ comment } = await form.validateFields());
    } catch {
      return;
    }
    try {
      await giveBack.mutateAsync({ project, comment });
      message.success(t('promo.detail.done.return'));
      setReturning(false);
      form.resetFields();
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const more: MenuProps['items'] = [
    can.pause ? { key: 'pause', icon: <PauseCircleOutlined />, label: t('promo.detail.pause') } : null,
    can.resume ? { key: 'resume', icon: <PlayCircleOutlined />, label: t('promo.detail.resume') } : null,
    can.unpublish
      ? { key: 'unpublish', icon: <StopOutlined />, label: t('promo.detail.unpublish'), danger: true }
      : null,
    can.remove ? { key: 'remove', icon: <DeleteOutlined />, label: t('promo.detail.remove'), danger: true } : null,
  ].filter((item) => item !== null);

  return (
    <>
      {can.stats ? (
        <Button icon={<BarChartOutlined />} onClick={() => navigate(`/promo-projects/${project.id}/stats`)}>
          {t('promo.stats')}
        </Button>
      ) : null}
      {can.edit ? (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/promo-projects/${project.id}/edit`)}>
          {t('promo.detail.edit')}
        </Button>
      ) : null}
      {can.submit ? (
        <Button type="primary" icon={<SendOutlined />} onClick={() => run('submit')} data-testid="promo-submit">
          {t('promo.detail.submit')}
        </Button>
      ) : null}
      {can.return ? (
        <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
          {t('promo.detail.return')}
        </Button>
      ) : null}
      {can.approve ? (
        <Button type="primary" icon={<CheckOutlined />} onClick={() => run('approve')} data-testid="promo-approve">
          {t('promo.detail.approve')}
        </Button>
      ) : null}
      {more.length ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: more,
            onClick: ({ key }) => {
              if (key === 'remove') doRemove();
              else run(key as PromoAction);
            },
          }}
        >
          <Button>
            {t('promo.detail.more')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      ) : null}
      <Modal
        open={returning}
        title={t('promo.detail.returnTitle', { title: project.title })}
        okText={t('promo.detail.return')}
        cancelText={t('common.cancel')}
        confirmLoading={giveBack.isPending}
        onOk={() => void sendBack()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="comment"
            label={t('promo.detail.returnComment')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('promo.detail.returnComment') }),
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={PROMO_LIMITS.returnComment}
              showCount
              placeholder={t('promo.detail.returnCommentPlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

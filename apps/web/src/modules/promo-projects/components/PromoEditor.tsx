import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { formatInvestmentScale } from '@lianqiao/card';
import { PROMO_KINDS, PROMO_LIMITS, type PromoProjectDto, type PublicCardDto } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { PageHeader } from '../../../shared/layout';
import { promoApi } from '../api/promo-api';
import { promoKeys, useCreatePromo, useUpdatePromo } from '../hooks/usePromoProjects';
import {
  changesOf,
  contentOf,
  FIGURES_BY_KIND,
  formValuesOf,
  previewCardOf,
  REQUIRED_TO_PUBLISH,
  type FigureField,
  type PromoFormValues,
  type PromoImages,
} from '../utils';
import { CardPreview } from './CardPreview';
import { ChainNodeSelect } from './ChainNodeSelect';
import { ImageUploader } from './ImageUploader';
import { RichTextInput } from './RichTextInput';

/** The same rule as the server's: digits, spaces, + - ( ) and 转 for an extension. */
const PHONE = /^[0-9+\-() 转]{3,32}$/;

const EMPTY_VALUES: PromoFormValues = { kind: 'land', title: '', summary: '', advantages: '', policies: '' };

/**
 * A card's form beside its live phone preview. A new card is saved as a draft first (pictures
 * belong to a saved card); an existing one sends only what changed, with its version.
 */
export function PromoEditor({
  project: loaded,
  base,
}: {
  project: PromoProjectDto | null;
  base: PublicCardDto | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const [form] = Form.useForm<PromoFormValues>();
  // The record as the form was opened on (or last reloaded): what changes are computed against,
  // and whose version a save sends, so that someone else's newer save is met with a 409, never overwritten.
  const [project, setProject] = useState<PromoProjectDto | null>(loaded);
  const create = useCreatePromo();
  const update = useUpdatePromo();
  const [images, setImages] = useState<PromoImages>({ cover: project?.cover ?? null, gallery: project?.gallery ?? [] });
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const initialValues = project ? formValuesOf(project) : EMPTY_VALUES;
  const watched = Form.useWatch((values: PromoFormValues) => values, form) as PromoFormValues | undefined;
  const values: PromoFormValues = { ...initialValues, ...watched };
  const figures = new Set<FigureField>(FIGURES_BY_KIND[values.kind]);
  const required = new Set<FigureField>(REQUIRED_TO_PUBLISH[values.kind]);
  const locked = project?.reviewState === 'in_review';

  const previewCard = previewCardOf({ ...values, title: values.title || t('promo.preview.untitled') }, images, {
    slug: project?.slug ?? 'preview',
    districtName: base?.districtName ?? t('promo.preview.districtPending'),
    publishedAt: base?.publishedAt ?? null,
  });

  const setImageList =
    (which: 'cover' | 'gallery') => (update: (list: PromoImages['gallery']) => PromoImages['gallery']) => {
      setDirty(true);
      setImages((current) =>
        which === 'cover'
          ? { ...current, cover: update(current.cover ? [current.cover] : [])[0] ?? null }
          : { ...current, gallery: update(current.gallery) },
      );
    };

  const onError = (error: unknown) => {
    const outcome = applyServerErrors(form, error, t);
    setStale(outcome.stale);
    setFormError(outcome.message);
  };

  const reloadLatest = async () => {
    if (!project) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: promoKeys.detail(project.id),
        queryFn: () => promoApi.get(project.id),
        staleTime: 0,
      });
      setProject(latest);
      form.setFieldsValue(formValuesOf(latest));
      setImages({ cover: latest.cover, gallery: latest.gallery });
      setStale(false);
      setFormError(null);
      setDirty(false);
      message.info(t('common.reloaded'));
    } catch (error) {
      setFormError(describeError(error, t));
    }
  };

  const save = async (thenSubmit: boolean) => {
    setFormError(null);
    setStale(false);
    let formValues: PromoFormValues;
    try {
      formValues = await form.validateFields();
    } catch {
      setFormError(t('common.formHasErrors'));
      return;
    }
    setSubmitting(true);
    try {
      if (!project) {
        const created = await create.mutateAsync({ ...contentOf({ ...initialValues, ...formValues }) });
        setDirty(false);
        if (thenSubmit) {
          await promoApi.submit(created.id, created.version);
          message.success(t('promo.editor.submitted'));
          navigate(`/promo-projects/${created.id}`);
        } else {
          message.success(t('promo.editor.savedDraft'));
          navigate(`/promo-projects/${created.id}/edit`, { replace: true });
        }
        return;
      }
      const changes = changesOf(project, { ...initialValues, ...formValues }, images);
      let saved = project;
      if (Object.keys(changes).length > 0) {
        saved = await update.mutateAsync({ id: project.id, ...changes, version: project.version });
        setDirty(false);
      } else if (!thenSubmit) {
        message.info(t('promo.editor.noChanges'));
        navigate(`/promo-projects/${project.id}`);
        return;
      }
      if (thenSubmit) {
        const submitted = await promoApi.submit(saved.id, saved.version);
        queryClient.setQueryData(promoKeys.detail(submitted.id), submitted);
        await queryClient.invalidateQueries({ queryKey: ['promo-projects', 'list'] });
        message.success(t('promo.editor.submitted'));
      } else {
        message.success(t('promo.editor.saved'));
      }
      navigate(`/promo-projects/${project.id}`);
    } catch (error) {
      onError(error);
    } finally {
      setSubmitting(false);
    }
  };

  const publishMark = (
    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
      （{t('promo.fields.requiredToPublish')}）
    </Typography.Text>
  );
  const requiredMark = (field: FigureField) => (required.has(field) ? publishMark : null);

  return (
    <>
      <PageHeader
        title={project ? t('promo.editor.editTitle') : t('promo.editor.newTitle')}
        subtitle={project?.title}
        extra={
          <>
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(project ? `/promo-projects/${project.id}` : '/promo-projects')}
            >
              {t('promo.editor.back')}
            </Button>
            <Button onClick={() => void save(false)} loading={submitting} disabled={locked} data-testid="promo-save">
              {t('promo.editor.save')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => void save(true)}
              loading={submitting}
              disabled={locked}
            >
              {t('promo.editor.saveAndSubmit')}
            </Button>
          </>
        }
      />
      {locked ? (
        <Alert type="info" showIcon title={t('promo.editor.inReviewLocked')} style={{ marginBottom: 16 }} />
      ) : null}
      {project?.liveVersion && !locked ? (
        <Alert
          type="warning"
          showIcon
          title={t('promo.editor.liveStays', { version: project.liveVersion })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {project?.reviewState === 'returned' && project.reviewComment ? (
        <Alert
          type="error"
          showIcon
          title={t('promo.detail.returnedAlert')}
          description={project.reviewComment}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <FormErrorAlert message={formError} stale={stale} onReload={() => void reloadLatest()} />
      <Row gutter={24} wrap>
        <Col flex="1 1 520px" style={{ minWidth: 0 }}>
          <Form<PromoFormValues>
            form={form}
            layout="vertical"
            initialValues={initialValues}
            disabled={locked}
            onValuesChange={() => setDirty(true)}
            scrollToFirstError
          >
            <Card variant="borderless" title={t('promo.sections.basics')} style={{ marginBottom: 16 }}>
              <Form.Item name="kind" label={t('promo.fields.kind')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={PROMO_KINDS.map((kind) => ({ value: kind, label: t(`promo.kinds.${kind}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="title"
                label={t('promo.fields.title')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.requiredField', { field: t('promo.fields.title') }),
                  },
                ]}
              >
                <Input maxLength={PROMO_LIMITS.title} showCount placeholder={t('promo.fields.titlePlaceholder')} />
              </Form.Item>
              <Form.Item
                name="summary"
                label={
                  <>
                    {t('promo.fields.summary')}
                    {publishMark}
                  </>
                }
              >
                <Input.TextArea
                  maxLength={PROMO_LIMITS.summary}
                  showCount
                  rows={3}
                  placeholder={t('promo.fields.summaryPlaceholder')}
                />
              </Form.Item>
              {values.kind !== 'district_intro' ? (
                <Form.Item name="chainNodeIds" label={t('promo.fields.chainNodeIds')}>
                  <ChainNodeSelect placeholder={t('promo.fields.chainNodePlaceholder')} />
                </Form.Item>
              ) : null}
            </Card>

            <Card variant="borderless" title={t('promo.sections.figures')} style={{ marginBottom: 16 }}>
              {figures.has('location') ? (
                <Form.Item name="location" label={t('promo.fields.location')}>
                  <Input maxLength={PROMO_LIMITS.location} placeholder={t('promo.fields.locationPlaceholder')} />
                </Form.Item>
              ) : null}
              <Flex gap={16} wrap>
                {figures.has('landMu') ? (
                  <Form.Item
                    name="landMu"
                    label={
                      <>
                        {t('promo.fields.landMu')}
                        {requiredMark('landMu')}
                      </>
                    }
                    style={{ flex: '1 1 180px' }}
                  >
                    <InputNumber
                      min={0}
                      max={9_999_999}
                      precision={2}
                      suffix={t('promo.units.mu')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                ) : null}
                {figures.has('floorAreaM2') ? (
                  <Form.Item
                    name="floorAreaM2"
                    label={
                      <>
                        {t('promo.fields.floorAreaM2')}
                        {requiredMark('floorAreaM2')}
                      </>
                    }
                    style={{ flex: '1 1 180px' }}
                  >
                    <InputNumber
                      min={0}
                      max={100_000_000}
                      precision={0}
                      suffix={t('promo.units.m2')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                ) : null}
                {figures.has('investmentScaleWan') ? (
                  <Form.Item
                    name="investmentScaleWan"
                    label={t('promo.fields.investmentScaleWan')}
                    style={{ flex: '1 1 180px' }}
                    extra={
                      typeof values.investmentScaleWan === 'number'
                        ? t('promo.fields.investmentScaleHint', {
                            shown: formatInvestmentScale(values.investmentScaleWan),
                          })
                        : undefined
                    }
                  >
                    <InputNumber
                      min={0}
                      max={1_000_000_000}
                      precision={0}
                      suffix={t('promo.units.wan')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                ) : null}
              </Flex>
            </Card>

            <Card variant="borderless" title={t('promo.sections.images')} style={{ marginBottom: 16 }}>
              {project ? (
                <>
                  <Form.Item label={t('promo.fields.cover')}>
                    <ImageUploader
                      promoId={project.id}
                      images={images.cover ? [images.cover] : []}
                      max={1}
                      label={t('promo.fields.cover')}
                      onChange={setImageList('cover')}
                    />
                  </Form.Item>
                  <Form.Item label={t('promo.fields.gallery')} style={{ marginBottom: 0 }}>
                    <ImageUploader
                      promoId={project.id}
                      images={images.gallery}
                      max={PROMO_LIMITS.galleryImages}
                      label={t('promo.fields.gallery')}
                      onChange={setImageList('gallery')}
                    />
                  </Form.Item>
                </>
              ) : (
                <Typography.Text type="secondary">{t('promo.images.saveFirst')}</Typography.Text>
              )}
            </Card>

            <Card variant="borderless" title={t('promo.sections.texts')} style={{ marginBottom: 16 }}>
              <Form.Item name="advantages" label={t('promo.fields.advantages')}>
                <RichTextInput
                  maxLength={PROMO_LIMITS.richText}
                  placeholder={t('promo.fields.advantagesPlaceholder')}
                  aria-label={t('promo.fields.advantages')}
                />
              </Form.Item>
              <Form.Item name="policies" label={t('promo.fields.policies')} style={{ marginBottom: 0 }}>
                <RichTextInput
                  maxLength={PROMO_LIMITS.richText}
                  placeholder={t('promo.fields.policiesPlaceholder')}
                  aria-label={t('promo.fields.policies')}
                />
              </Form.Item>
            </Card>

            <Card variant="borderless" title={t('promo.sections.contact')}>
              <Flex gap={16} wrap>
                <Form.Item name="contactName" label={t('promo.fields.contactName')} style={{ flex: '1 1 220px' }}>
                  <Input maxLength={PROMO_LIMITS.contactName} placeholder={t('promo.fields.contactNamePlaceholder')} />
                </Form.Item>
                <Form.Item
                  name="contactPhone"
                  label={
                    <>
                      {t('promo.fields.contactPhone')}
                      {publishMark}
                    </>
                  }
                  style={{ flex: '1 1 220px' }}
                  rules={[{ pattern: PHONE, message: t('promo.fields.contactPhoneFormat') }]}
                >
                  <Input
                    maxLength={PROMO_LIMITS.contactPhone}
                    placeholder={t('promo.fields.contactPhonePlaceholder')}
                  />
                </Form.Item>
              </Flex>
            </Card>
          </Form>
        </Col>
        <Col flex="0 0 auto">
          <div style={{ position: 'sticky', top: 16 }}>
            <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('promo.preview.title')}
              </Typography.Title>
              {dirty ? <Tag color="orange">{t('promo.editor.unsaved')}</Tag> : null}
            </Flex>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, maxWidth: 414 }}>
              {t('promo.preview.hint')}
            </Typography.Paragraph>
            <CardPreview card={previewCard} referralCode={me.referralCode} />
          </div>
        </Col>
      </Row>
    </>
  );
}

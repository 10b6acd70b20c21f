import { Alert, Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PromoEditor } from '../../modules/promo-projects/components/PromoEditor';
import { usePromoPreview, usePromoProject } from '../../modules/promo-projects/hooks/usePromoProjects';
import { describeError, isApiError } from '../../shared/http';

/** 新建 / 编辑推介项目: the form beside the phone preview. `/promo-projects/new` and `/promo-projects/:id/edit`. */
export default function PromoProjectEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const project = usePromoProject(id);
  const preview = usePromoPreview(id);

  if (!id) return <PromoEditor project={null} base={null} />;
  if (project.isError) {
    if (isApiError(project.error) && project.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('promo.detail.notFound')}
          extra={<Button onClick={() => navigate('/promo-projects')}>{t('promo.detail.backToList')}</Button>}
        />
      );
    }
    return <Alert type="error" showIcon title={describeError(project.error, t)} />;
  }
  if (!project.data || preview.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  // The form starts from the record it was opened on; a newer version saved meanwhile shows as a 409 on save.
  return <PromoEditor key={project.data.id} project={project.data} base={preview.data ?? null} />;
}

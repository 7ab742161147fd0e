import { useCallback, useState } from 'react';
import { DeleteOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Popconfirm, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { toApiError } from '../../api/client';
import { createSegment, deleteSegment, fetchSegment, saveSegmentSchema, updateSegment, type Segment, type SegmentFilter } from '../../api/marketing';
import { can } from '../../access';
import { BackButton } from '../../components/back-button';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { positiveInt } from '../../route-params';
import { formatShanghaiTime } from '../../shanghai-time';
import { zodFieldRule } from '../../zod-form-rule';
import { compactFilter, describeConditions } from './segment-conditions';
import { SegmentCountCard } from './segment-count-card';
import { SegmentFilterFields } from './segment-filter-fields';
import { SegmentMembersCard } from './segment-members-card';
import { useLiveCount } from './use-live-count';
import { useSegmentChoices, type SegmentChoices } from './use-segment-choices';

interface SegmentFormValues {
  name?: string;
  filter?: SegmentFilter;
}

/** 新建人群 `/segments/new` and 人群详情 `/segments/:id`: the conditions, the live count and (once saved) the members. */
export function SegmentEditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const choices = useSegmentChoices();
  if (id === undefined) return <SegmentEditor segment={null} choices={choices} onSaved={(saved) => navigate(`/segments/${saved.id}`, { replace: true })} />;
  const segmentId = positiveInt(id);
  if (segmentId === undefined) return <SegmentMissing />;
  // Keyed by id so moving between segments never shows the previous one's conditions.
  return <SavedSegment key={segmentId} segmentId={segmentId} choices={choices} />;
}

function SegmentMissing() {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="404"
        title="人群不存在或已删除"
        data-testid="segment-missing"
        extra={
          <Button type="primary" onClick={() => navigate('/segments')}>
            返回人群列表
          </Button>
        }
      />
    </Card>
  );
}

function SavedSegment({ segmentId, choices }: { segmentId: number; choices: SegmentChoices }) {
  const load = useCallback((signal: AbortSignal) => fetchSegment(segmentId, signal), [segmentId]);
  const remote = useRemoteData(load);
  // What the last save answered with: the editor restarts from it, its member preview with it.
  const [saved, setSaved] = useState<Segment>();
  const segment = saved ?? remote.data;

  if (remote.error && !segment) {
    if (remote.error.status === 404) return <SegmentMissing />;
    return (
      <Card>
        <Result
          status="error"
          title="人群加载失败"
          subTitle={remote.error.message}
          data-testid="segment-error"
          extra={
            <Button type="primary" icon={<ReloadOutlined />} onClick={remote.reload}>
              重试
            </Button>
          }
        />
      </Card>
    );
  }
  if (!segment) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  return <SegmentEditor key={segment.updatedAt} segment={segment} choices={choices} onSaved={setSaved} />;
}

interface SegmentEditorProps {
  /** The saved segment, or null for a new one. */
  segment: Segment | null;
  choices: SegmentChoices;
  onSaved: (segment: Segment) => void;
}

function SegmentEditor({ segment, choices, onSaved }: SegmentEditorProps) {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canManage = can(staff.role, 'marketing.manage');
  const [form] = Form.useForm<SegmentFormValues>();
  const savedFilter = segment?.filter ?? {};
  // Undefined until the form mounts; the saved conditions stand in until then.
  const filter = Form.useWatch('filter', form) ?? savedFilter;
  const live = useLiveCount(filter);
  const conditions = describeConditions(compactFilter(filter), choices.names);
  const unsaved = segment !== null && JSON.stringify(compactFilter(filter)) !== JSON.stringify(compactFilter(savedFilter));
  const [deleting, setDeleting] = useState(false);

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: SegmentFormValues) => {
      const input = { name: values.name ?? '', filter: compactFilter(values.filter) };
      const saved = segment ? await updateSegment(segment.id, input) : await createSegment(input);
      message.success(segment ? `已保存「${saved.name}」` : `已新建人群「${saved.name}」`);
      onSaved(saved);
    },
    { form, fieldOf: (path) => (path === 'name' ? 'name' : undefined) },
  );

  async function remove(target: Segment) {
    setDeleting(true);
    try {
      await deleteSegment(target.id);
      message.success(`已删除「${target.name}」`);
      navigate('/segments');
    } catch (error) {
      message.error(toApiError(error).message);
      setDeleting(false);
    }
  }

  return (
    <Flex vertical gap={16} data-testid="segment-editor-page">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size="middle" align="center" wrap>
            <BackButton fallback="/segments" />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="segment-title">
              {segment ? segment.name : '新建人群'}
            </Typography.Title>
            {segment && (
              <Typography.Text type="secondary">
                {segment.createdBy.name} 创建 · 更新于 {formatShanghaiTime(segment.updatedAt)}
              </Typography.Text>
            )}
          </Space>
          {canManage && (
            <Space>
              {segment && (
                <Popconfirm
                  title={`删除人群「${segment.name}」？`}
                  description="已被营销活动使用的人群不能删除。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => remove(segment)}
                >
                  <Button danger icon={<DeleteOutlined />} loading={deleting} data-testid="segment-delete">
                    删除
                  </Button>
                </Popconfirm>
              )}
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={form.submit} data-testid="segment-save">
                {segment ? '保存' : '保存人群'}
              </Button>
            </Space>
          )}
        </Flex>
      </Card>
      {!canManage && <Alert type="info" showIcon title="您可以查看人群与人数；新建或修改人群请联系市场部。" />}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={16}>
          <Card title="圈选条件">
            {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid="segment-save-error" />}
            <Form<SegmentFormValues>
              form={form}
              name="segment"
              layout="vertical"
              data-testid="segment-form"
              initialValues={{ name: segment?.name, filter: savedFilter }}
              disabled={!canManage}
              onFinish={onFinish}
            >
              <Form.Item name="name" label="人群名称" required rules={[zodFieldRule(saveSegmentSchema, 'name')]} style={{ maxWidth: 480 }}>
                <Input maxLength={64} placeholder="如 保险 30 天内到期的金卡车主" data-testid="segment-name" />
              </Form.Item>
              <Typography.Paragraph type="secondary">以下条件可任意组合，会员须同时满足所有已填条件；都不填即为全部会员。</Typography.Paragraph>
              <SegmentFilterFields choices={choices} disabled={!canManage} />
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={8} style={{ position: 'sticky', top: 16 }}>
          <SegmentCountCard live={live} conditions={conditions} />
        </Col>
      </Row>
      {segment && <SegmentMembersCard segmentId={segment.id} tierName={choices.names.tierName} unsaved={unsaved} />}
    </Flex>
  );
}

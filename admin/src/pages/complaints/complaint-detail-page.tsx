import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { COMPLAINT_SOURCE_LABELS, type ComplaintDetail } from '../../api/feedback';
import { can, canOpen } from '../../access';
import { BackButton } from '../../components/back-button';
import { ComplaintCategoryTag, ComplaintStatusTag } from '../../components/feedback-tags';
import { RecordLoadError, RecordNotFound } from '../../components/record-load-error';
import { useCurrentStaff } from '../../layouts/current-staff';
import { positiveInt } from '../../route-params';
import { formatShanghaiTime } from '../../shanghai-time';
import { ComplaintNoteForm } from './complaint-note-form';
import { ComplaintNotes } from './complaint-notes';
import { ComplaintSla } from './complaint-sla';
import { useComplaint } from './use-complaint';

/** 投诉详情 `/complaints/:id`: what the customer said, the response deadline, the notes, and the next note. */
export function ComplaintDetailPage() {
  const complaintId = positiveInt(useParams().id);
  if (complaintId === undefined) {
    return (
      <RecordNotFound back={{ path: '/complaints', label: '返回投诉工单' }} />
    );
  }
  // Keyed by id so moving between tickets never shows the previous one.
  return <ComplaintDetailView key={complaintId} complaintId={complaintId} />;
}

function ComplaintDetailView({ complaintId }: { complaintId: number }) {
  const staff = useCurrentStaff();
  const complaint = useComplaint(complaintId);

  if (complaint.error && !complaint.data) {
    return (
      <RecordLoadError
        data-testid="complaint-error"
        error={complaint.error}
        what="投诉工单"
        missingHint="该投诉不存在，或不在您的权限范围内。"
        back={{ path: '/complaints', label: '返回投诉工单' }}
        onRetry={complaint.reload}
      />
    );
  }
  if (!complaint.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const detail = complaint.data;
  return (
    <Flex vertical gap={16} data-testid="complaint-detail" data-status={detail.status}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Space size="middle" align="center" wrap>
            <BackButton fallback="/complaints" />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="complaint-title">
              投诉 #{detail.id}
            </Typography.Title>
            <ComplaintStatusTag status={detail.status} />
            <ComplaintCategoryTag category={detail.category} />
            <Typography.Text type="secondary">
              {detail.store.name} · 处理人 {detail.assignee?.name ?? '未分配'}
            </Typography.Text>
          </Space>
          <Button icon={<ReloadOutlined />} loading={complaint.loading} onClick={complaint.reload}>
            刷新
          </Button>
        </Flex>
        {complaint.error && <Alert type="warning" showIcon title={`刷新失败：${complaint.error.message}`} style={{ marginBottom: 12 }} />}
        <ComplaintFacts complaint={detail} linkMembers={canOpen(staff.role, '/members')} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={can(staff.role, 'complaints.handle') ? 14 : 24}>
          <ComplaintNotes complaint={detail} />
        </Col>
        {can(staff.role, 'complaints.handle') && (
          <Col xs={24} xl={10}>
            {/* Keyed by the notes, so the form starts empty after each note it added. */}
            <ComplaintNoteForm key={detail.notes.length} complaint={detail} onSaved={complaint.replace} onStale={complaint.reload} />
          </Col>
        )}
      </Row>
    </Flex>
  );
}

function ComplaintFacts({ complaint, linkMembers }: { complaint: ComplaintDetail; linkMembers: boolean }) {
  const customerName = complaint.customer.name ?? '未留姓名';
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="complaint-facts"
      items={[
        {
          key: 'customer',
          label: '客户',
          children: (
            <Space size={8}>
              {linkMembers ? <Link to={`/members/${complaint.customer.id}`}>{customerName}</Link> : customerName}
              <Typography.Text type="secondary">{complaint.customer.mobile ?? '未留手机号'}</Typography.Text>
            </Space>
          ),
        },
        { key: 'store', label: '门店', children: complaint.store.name },
        { key: 'assignee', label: '处理人', children: complaint.assignee?.name ?? '未分配' },
        {
          key: 'source',
          label: '来源',
          children: (
            <Space size={8}>
              {COMPLAINT_SOURCE_LABELS[complaint.source]}
              {complaint.source === 'SURVEY' && complaint.surveyId && (
                // The survey list has no page per survey: it opens on the store's low scores, where this one is.
                <Link to={`/surveys?storeId=${complaint.store.id}&answer=detractors`} data-testid="complaint-survey-link">
                  查看回访 #{complaint.surveyId}
                </Link>
              )}
            </Space>
          ),
        },
        { key: 'createdAt', label: '提交时间', children: formatShanghaiTime(complaint.createdAt) },
        { key: 'sla', label: '首次响应时限', children: <ComplaintSla complaint={complaint} /> },
        {
          key: 'content',
          label: '投诉内容',
          span: 'filled',
          children: (
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-content">
              {complaint.content}
            </Typography.Text>
          ),
        },
        ...(complaint.resolution
          ? [
              {
                key: 'resolution',
                label: '处理结果',
                span: 'filled' as const,
                children: (
                  <Flex vertical gap={0}>
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-resolution">
                      {complaint.resolution}
                    </Typography.Text>
                    {complaint.resolvedAt && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatShanghaiTime(complaint.resolvedAt)} 解决
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

import { Empty, Flex, Rate, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Paged } from '../../api/client';
import type { StaffSurvey } from '../../api/feedback';
import { NpsScore, SurveyKindTag } from '../../components/feedback-tags';
import { formatShanghaiTime } from '../../shanghai-time';
import { listPagination } from '../../hooks/use-list-query';
import type { SurveyPageQuery } from './use-survey-list-query';

interface SurveyTableProps {
  page: Paged<StaffSurvey> | undefined;
  query: SurveyPageQuery;
  loading: boolean;
  showStore: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** The surveys sent, newest first: who, about what, and what they answered; a low score links to its ticket. */
export function SurveyTable({ page, query, loading, showStore, filtered, onPageChange }: SurveyTableProps) {
  const columns: TableColumnsType<StaffSurvey> = [
    { title: '发送时间', dataIndex: 'sentAt', width: 135, render: (_, survey) => formatShanghaiTime(survey.sentAt) },
    {
      title: '客户',
      dataIndex: 'customer',
      width: 120,
      render: (_, survey) => (
        <Flex vertical gap={0}>
          <span>{survey.customer.name ?? '未留姓名'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {survey.customer.mobile ?? ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '回访内容',
      dataIndex: 'subject',
      width: 240,
      render: (_, survey) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Flex gap={6} align="center" style={{ minWidth: 0 }}>
            <SurveyKindTag kind={survey.kind} />
            <Typography.Text ellipsis={{ tooltip: survey.subject }}>{survey.subject}</Typography.Text>
          </Flex>
          {showStore && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {survey.store.name}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: '推荐意愿（NPS）', dataIndex: 'nps', width: 125, render: (_, survey) => <NpsScore score={survey.nps} /> },
    {
      title: '满意度（CSAT）',
      dataIndex: 'csat',
      width: 135,
      render: (_, survey) =>
        survey.csat === null ? <Typography.Text type="secondary">—</Typography.Text> : <Rate disabled value={survey.csat} style={{ fontSize: 14 }} data-testid="survey-csat-stars" />,
    },
    {
      title: '评价',
      dataIndex: 'comment',
      render: (_, survey) =>
        survey.comment ? (
          <Typography.Text ellipsis={{ tooltip: survey.comment }} style={{ maxWidth: 240 }}>
            {survey.comment}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '回复时间',
      dataIndex: 'answeredAt',
      width: 135,
      render: (_, survey) => (survey.answeredAt ? formatShanghaiTime(survey.answeredAt) : <Tag style={{ marginInlineEnd: 0 }}>未回复</Tag>),
    },
    {
      title: '投诉',
      dataIndex: 'complaintId',
      width: 80,
      render: (_, survey) =>
        survey.complaintId ? (
          <Link to={`/complaints/${survey.complaintId}`} data-testid="survey-complaint-link">
            #{survey.complaintId}
          </Link>
        ) : null,
    },
  ];

  return (
    <Table<StaffSurvey>
      data-testid="survey-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1130 }}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的回访' : '还没有回访：保养结算或试驾结束后自动发出满意度回访'} /> }}
      pagination={listPagination(query, page?.total, onPageChange, '份')}
    />
  );
}

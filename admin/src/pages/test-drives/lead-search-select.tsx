import { useCallback, useEffect, useState } from 'react';
import { Empty, Flex, Select, Spin, Typography } from 'antd';
import { isOpenStage, LEAD_STAGE_LABELS, listLeads, type LeadSummary } from '../../api/leads';
import { useRemoteData } from '../../hooks/use-remote-data';

/** Enough to find a customer by a few characters of name or mobile; a longer list is a hint to type more. */
const RESULT_SIZE = 20;
const TYPING_PAUSE_MS = 300;

interface LeadSearchSelectProps {
  storeId: number;
  value?: number;
  onChange?: (leadId: number | undefined, lead: LeadSummary | undefined) => void;
  status?: 'error' | 'warning';
}

/**
 * Picks one of the store's open leads (won and lost leads are not booked), searched on the server by
 * name or mobile as the consultant types. A form field: value/onChange are the lead's id.
 */
export function LeadSearchSelect({ storeId, value, onChange, status }: LeadSearchSelectProps) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Kept so the chosen lead still shows by name while a later search lists other leads.
  const [chosen, setChosen] = useState<LeadSummary>();

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const load = useCallback(
    async (signal: AbortSignal) => {
      const page = await listLeads({ storeId, q: q || undefined, page: 1, pageSize: RESULT_SIZE }, signal);
      return page.items.filter((lead) => isOpenStage(lead.stage));
    },
    [storeId, q],
  );
  const leads = useRemoteData(load);
  const searching = leads.loading || typed.trim() !== q;
  const found = leads.data ?? [];
  const listed = chosen && chosen.id === value && !found.some((lead) => lead.id === chosen.id) ? [chosen, ...found] : found;

  return (
    <Select<number>
      data-testid="booking-lead"
      placeholder="输入客户姓名或手机号搜索本店线索"
      status={status}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={searching}
      value={value}
      onChange={(leadId) => {
        const lead = listed.find((candidate) => candidate.id === leadId);
        setChosen(lead);
        onChange?.(leadId, lead);
      }}
      notFoundContent={
        searching ? (
          <Flex justify="center" style={{ padding: 12 }}>
            <Spin size="small" />
          </Flex>
        ) : leads.error ? (
          <Typography.Text type="danger">{leads.error.message}</Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? '没有匹配的进行中线索' : '本店暂无进行中的线索'} />
        )
      }
      options={listed.map((lead) => ({
        value: lead.id,
        label: `${lead.name}（${lead.mobile}）`,
        lead,
      }))}
      optionRender={(option) => {
        const lead = option.data.lead as LeadSummary;
        return (
          <Flex justify="space-between" gap={8} data-testid="booking-lead-option">
            <span>
              {lead.name} <Typography.Text type="secondary">{lead.mobile}</Typography.Text>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {LEAD_STAGE_LABELS[lead.stage]} · {lead.intendedModel?.name ?? '未定车型'} · {lead.assignedTo?.name ?? '待分配'}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}

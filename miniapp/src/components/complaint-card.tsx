import { Text, View } from '@tarojs/components';
import type { MyComplaint } from '../api/feedback';
import { complaintCategoryText, COMPLAINT_STATUS_LABELS } from '../format/feedback';
import { dateTimeOf } from '../format/shanghai-time';
import { StatusTag } from './status-tag';
import './complaint-card.scss';

/** A complaint or suggestion the customer raised: what about, where it stands, and what the store did. */
export function ComplaintCard({ complaint }: { complaint: MyComplaint }) {
  return (
    <View className='complaint-card' data-testid='complaint-card' data-complaint-id={complaint.id} data-status={complaint.status}>
      <View className='complaint-card__heading'>
        <Text className='complaint-card__category' data-testid='complaint-category'>
          {complaintCategoryText(complaint.category)}
        </Text>
        <StatusTag label={COMPLAINT_STATUS_LABELS[complaint.status]} testId='complaint-status' />
      </View>
      <Text className='complaint-card__content' data-testid='complaint-content'>
        {complaint.content}
      </Text>
      <Text className='complaint-card__meta'>
        {complaint.store.name} · {dateTimeOf(complaint.createdAt)} 提交
      </Text>
      {complaint.resolution && (
        <View className='complaint-card__resolution' data-testid='complaint-resolution'>
          <Text className='complaint-card__resolution-label'>
            门店处理结果{complaint.resolvedAt ? ` · ${dateTimeOf(complaint.resolvedAt)}` : ''}
          </Text>
          <Text className='complaint-card__resolution-text'>{complaint.resolution}</Text>
        </View>
      )}
    </View>
  );
}

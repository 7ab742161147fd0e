import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DELETION_CONFIRM_WORD } from '../../../api/privacy';
import { ActionButton } from '../../../components/action-button';
import { ConfirmSheet } from '../../../components/confirm-sheet';
import { ErrorState, SignInState, SkeletonCards } from '../../../components/page-states';
import { TextField } from '../../../components/text-field';
import { dateTimeOf } from '../../../format/shanghai-time';
import { consentLineOf, consentRequestOf, exportSummaryOf } from '../../../format/privacy';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { CAN_DOWNLOAD_FILE, useAccountDeletion, useMyDataExport, usePrivacyConsent } from '../../../hooks/use-privacy';
import meIcon from '../../../assets/tab-bar/me-active.png';
import './index.scss';

function openPolicy() {
  void Taro.navigateTo({ url: '/pages/legal/index?doc=privacy' });
}

// What deletion clears and what it keeps, as PrivacyService.delete on the server does it.
const DELETED = [
  '姓名、手机号、生日、邀请码和微信登录信息',
  '您在预约、评价、回访和投诉中填写的内容',
  '站内消息和消息提醒设置',
];
const KEPT = '积分流水与车辆维修记录将匿名保留，以便账目一致';

function ConsentSection({ enabled }: { enabled: boolean }) {
  const consent = usePrivacyConsent(enabled);
  const { status } = consent;

  if (!status) {
    return consent.errorMessage ? (
      <ErrorState message={consent.errorMessage} onRetry={() => void consent.reload()} />
    ) : (
      <SkeletonCards count={1} cardHeight={180} />
    );
  }

  const line = consentLineOf(status);
  return (
    <View>
      {status.needsConsent && (
        <View className='privacy__banner' ariaRole='alert' data-testid='privacy-consent-banner'>
          <Text className='privacy__banner-text'>{consentRequestOf(status)}</Text>
          <View className='privacy__banner-actions'>
            <View className='privacy__banner-action'>
              <ActionButton variant='plain' onClick={openPolicy} testId='privacy-read-policy'>
                阅读新版
              </ActionButton>
            </View>
            <View className='privacy__banner-action'>
              <ActionButton busy={consent.accepting} onClick={() => void consent.accept()} testId='privacy-accept'>
                {consent.accepting ? '提交中…' : '同意'}
              </ActionButton>
            </View>
          </View>
        </View>
      )}
      <View className='privacy__card'>
        <Text className='privacy__card-title'>隐私政策</Text>
        <Text className='privacy__consent' data-testid='privacy-consent-line'>
          {line.before}
          <Text className='privacy__link' onClick={openPolicy}>
            《隐私政策》
          </Text>
          {line.after && <Text className='privacy__version'>{line.after}</Text>}
        </Text>
      </View>
    </View>
  );
}

function DataExportSection() {
  const exported = useMyDataExport();
  const { data } = exported;

  return (
    <View className='privacy__card' data-testid='privacy-export'>
      <Text className='privacy__card-title'>下载我的数据</Text>
      <Text className='privacy__text'>
        获取我们保存的您的全部个人信息：个人资料、购车咨询、试驾与保养预约、车辆、维修工单、积分、优惠券、消息、回访和投诉。
      </Text>
      {data ? (
        <View>
          <View className='privacy__summary' data-testid='privacy-export-summary'>
            {exportSummaryOf(data).map((row) => (
              <View key={row.section} className='privacy__summary-item' data-testid='privacy-export-count' data-section={row.section}>
                <Text className='privacy__summary-title'>{row.title}</Text>
                <Text className={`privacy__summary-count${row.count === 0 ? ' privacy__summary-count--none' : ''}`}>{row.count} 条</Text>
              </View>
            ))}
          </View>
          <Text className='privacy__hint'>生成于 {dateTimeOf(data.exportedAt)}，含个人资料及以上各项的全部明细（JSON 格式）。</Text>
          {CAN_DOWNLOAD_FILE && (
            <View className='privacy__action'>
              <ActionButton onClick={exported.download} testId='privacy-download'>
                下载数据文件
              </ActionButton>
            </View>
          )}
          <View className='privacy__action'>
            <ActionButton variant={CAN_DOWNLOAD_FILE ? 'secondary' : 'primary'} onClick={exported.copy} testId='privacy-copy'>
              复制全部数据
            </ActionButton>
          </View>
          {!CAN_DOWNLOAD_FILE && <Text className='privacy__hint'>复制后可粘贴到微信“文件传输助手”或备忘录中保存。</Text>}
        </View>
      ) : (
        <View className='privacy__action'>
          {exported.errorMessage && (
            <Text className='privacy__error' data-testid='privacy-export-error'>
              {exported.errorMessage}
            </Text>
          )}
          <ActionButton variant='secondary' busy={exported.fetching} onClick={() => void exported.fetch()} testId='privacy-fetch-export'>
            {exported.fetching ? '正在整理…' : exported.errorMessage ? '重试' : '获取我的数据'}
          </ActionButton>
        </View>
      )}
    </View>
  );
}

function DeletionSection() {
  const deletion = useAccountDeletion();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');

  const close = () => {
    setConfirming(false);
    setTyped('');
  };

  return (
    <View className='privacy__card' data-testid='privacy-deletion'>
      <Text className='privacy__card-title'>注销账号</Text>
      <Text className='privacy__text'>注销后将删除：</Text>
      {DELETED.map((item) => (
        <Text key={item} className='privacy__bullet'>
          · {item}
        </Text>
      ))}
      <Text className='privacy__text privacy__text--kept'>{KEPT}，但不再与您关联。</Text>
      <Text className='privacy__text privacy__text--warning'>注销后无法恢复，剩余积分和优惠券将一并作废。</Text>
      <View className='privacy__action'>
        <ActionButton variant='plain' onClick={() => setConfirming(true)} testId='privacy-delete'>
          注销账号
        </ActionButton>
      </View>

      {confirming && (
        <ConfirmSheet
          title='确认注销账号'
          confirmText='确认注销'
          danger
          busy={deletion.deleting}
          confirmDisabled={typed.trim() !== DELETION_CONFIRM_WORD}
          onConfirm={() => void deletion.remove(typed.trim())}
          onCancel={close}
          testId='privacy-delete-confirm'
        >
          <Text className='privacy__text'>注销后您将退出登录，个人信息随即删除且无法恢复。{KEPT}。</Text>
          <Text className='privacy__text'>请输入“{DELETION_CONFIRM_WORD}”以确认：</Text>
          <TextField label='确认' value={typed} onChange={setTyped} placeholder={`请输入${DELETION_CONFIRM_WORD}`} maxLength={8} testId='privacy-delete-input' />
        </ConfirmSheet>
      )}
    </View>
  );
}

export default function PrivacyPage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState iconSrc={meIcon} title='登录后管理您的个人信息' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  return (
    <View className='page privacy' data-testid='privacy-page'>
      <ConsentSection enabled={loggedIn} />
      <DataExportSection />
      <DeletionSection />
    </View>
  );
}

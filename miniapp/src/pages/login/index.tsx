import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../api/api-error';
import { ActionButton } from '../../components/action-button';
import { ConsentCheckbox } from '../../components/consent-checkbox';
import { NoticeBar } from '../../components/notice-bar';
import { useCountdown } from '../../hooks/use-countdown';
import { useCustomerLogin } from '../../hooks/use-customer-login';
import { mobileError, SMS_RESEND_SECONDS, smsCodeError } from './mobile-login-form';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

/** Opened with this purpose, only an SMS code will do: binding a car needs the owner's mobile proved. */
const VERIFY_MOBILE = 'verify-mobile';

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

function leaveLoginPage() {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    void Taro.switchTab({ url: '/pages/me/index' });
  }
}

export default function LoginPage() {
  const verifyingMobile = useRouter<{ purpose?: string }>().params.purpose === VERIFY_MOBILE;
  const { busy, loginWithWechat, loginWithSms, sendSmsCode } = useCustomerLogin();
  const countdown = useCountdown();
  const [consented, setConsented] = useState(false);
  const [mobile, setMobile] = useState('');
  const [smsCode, setSmsCode] = useState('');
  const [sendingCode, setSendingCode] = useState(false);
  const [devCodeHint, setDevCodeHint] = useState<string | null>(null);

  const ensureConsent = (): boolean => {
    if (!consented) showMessage('请先勾选同意用户协议和隐私政策');
    return consented;
  };

  const runLogin = async (login: () => Promise<void>) => {
    if (!ensureConsent()) return;
    try {
      await login();
      void Taro.showToast({ title: '登录成功', icon: 'success' });
      leaveLoginPage();
    } catch (error) {
      showMessage(messageOf(error));
    }
  };

  const requestSmsCode = async () => {
    // Sending a code already hands the mobile number to us, so it needs consent too.
    if (!ensureConsent()) return;
    const problem = mobileError(mobile);
    if (problem) return showMessage(problem);
    setSendingCode(true);
    try {
      const result = await sendSmsCode(mobile);
      countdown.start(SMS_RESEND_SECONDS);
      if (result.devCode) {
        setSmsCode(result.devCode);
        setDevCodeHint(`开发环境验证码：${result.devCode}（已自动填入）`);
      } else {
        showMessage('验证码已发送');
      }
    } catch (error) {
      showMessage(messageOf(error));
    } finally {
      setSendingCode(false);
    }
  };

  const submitSmsLogin = () => {
    const problem = mobileError(mobile) ?? smsCodeError(smsCode);
    if (problem) return showMessage(problem);
    void runLogin(() => loginWithSms(mobile, smsCode));
  };

  const sendCodeLabel = countdown.secondsLeft > 0 ? `${countdown.secondsLeft} 秒后重发` : '获取验证码';

  return (
    <View className='page login'>
      <View className='login__intro'>
        <Text className='login__title'>{verifyingMobile ? '验证车主手机号' : '欢迎来到悦行汽车'}</Text>
        <Text className='login__subtitle'>
          {verifyingMobile ? '请输入购车时登记的手机号，接收短信验证码' : '登录后可预约试驾、查看爱车档案和会员积分'}
        </Text>
      </View>

      {verifyingMobile ? (
        <NoticeBar tone='info' testId='verify-mobile-notice'>
          为保护车主信息，绑定爱车需要验证购车时登记的手机号。验证后，您的爱车会显示在「我的车」中。
        </NoticeBar>
      ) : (
        <>
          <ActionButton busy={busy} onClick={() => void runLogin(loginWithWechat)} testId='wechat-login-button'>
            {IS_H5 ? '快捷登录（H5 体验）' : '微信一键登录'}
          </ActionButton>

          <View className='login__divider'>
            <Text>或使用手机号验证码登录</Text>
          </View>
        </>
      )}

      <View className='login__form'>
        <View className='login__field'>
          <Input
            className='login__input'
            type='number'
            maxlength={11}
            placeholder='请输入手机号'
            value={mobile}
            onInput={(event) => setMobile(event.detail.value.trim())}
            data-testid='mobile-input'
          />
        </View>
        <View className='login__field'>
          <Input
            className='login__input'
            type='number'
            maxlength={8}
            placeholder='请输入短信验证码'
            value={smsCode}
            onInput={(event) => setSmsCode(event.detail.value.trim())}
            data-testid='sms-code-input'
          />
          <ActionButton
            variant='secondary'
            size='small'
            disabled={countdown.secondsLeft > 0}
            busy={sendingCode}
            onClick={() => void requestSmsCode()}
            testId='send-sms-code-button'
          >
            {sendCodeLabel}
          </ActionButton>
        </View>
        {devCodeHint && <Text className='login__hint'>{devCodeHint}</Text>}
      </View>

      <ActionButton variant={verifyingMobile ? 'primary' : 'secondary'} busy={busy} onClick={submitSmsLogin} testId='sms-login-button'>
        {verifyingMobile ? '验证并登录' : '验证码登录'}
      </ActionButton>

      <View className='login__consent'>
        <ConsentCheckbox checked={consented} onChange={setConsented} />
      </View>
    </View>
  );
}

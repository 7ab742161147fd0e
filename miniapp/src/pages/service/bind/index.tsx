import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/api-error';
import { bindVehicle, MOBILE_NOT_VERIFIED, VEHICLE_NOT_MATCHED } from '../../../api/vehicles';
import { ActionButton } from '../../../components/action-button';
import { NoticeBar } from '../../../components/notice-bar';
import { SignInState } from '../../../components/page-states';
import { useLoginGate } from '../../../hooks/use-login-gate';
import { useSingleFlight } from '../../../hooks/use-single-flight';
import { useVerifiedMobileGate } from '../../../hooks/use-verified-mobile-gate';
import { MODAL_CONFIRM_COLOR } from '../../../styles/modal-colors';
import { bindFormError, normalizePlate, normalizeVin } from './bind-form';
import './index.scss';

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

function backToMyCars() {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    void Taro.switchTab({ url: '/pages/my-cars/index' });
  }
}

export default function BindVehiclePage() {
  const { loggedIn, requireLogin } = useLoginGate({ askOnLoad: true });
  const [vin, setVin] = useState('');
  const [plate, setPlate] = useState('');
  const [rejection, setRejection] = useState<string | null>(null);
  const binding = useSingleFlight();
  const verification = useVerifiedMobileGate();

  const bind = () =>
    binding.run(async () => {
      setRejection(null);
      try {
        await bindVehicle({ vin, plate });
        void Taro.showToast({ title: '绑定成功', icon: 'success' });
        setTimeout(backToMyCars, 800);
      } catch (error) {
        const code = error instanceof ApiError ? error.code : null;
        if (code === MOBILE_NOT_VERIFIED) await askToVerifyMobile();
        else if (code === VEHICLE_NOT_MATCHED) setRejection(messageOf(error));
        else showMessage(messageOf(error));
      }
    });

  // The pages that open this one check the mobile first; this covers a page opened otherwise. Once verified,
  // the bind goes with what the owner typed.
  const submit = () => {
    const problem = bindFormError({ vin, plate });
    if (problem) return showMessage(problem);
    void verification.requireVerifiedMobile(() => void bind());
  };

  // GET /me said verified but the server refused: explain before sending the owner to verify.
  const askToVerifyMobile = async () => {
    const { confirm } = await Taro.showModal({
      title: '请验证车主手机号',
      content: '为保护车主信息，爱车只能绑定到购车时登记的手机号。请用该手机号接收短信验证码登录，验证后将自动为您绑定。',
      confirmText: '去验证',
      confirmColor: MODAL_CONFIRM_COLOR,
      cancelText: '取消',
    });
    if (confirm) verification.verifyMobile(() => void bind());
  };

  if (!loggedIn) {
    return (
      <View className='page'>
        <SignInState title='登录后即可绑定爱车' description='请使用购车时登记的手机号登录' onSignIn={() => requireLogin()} />
      </View>
    );
  }

  return (
    <View className='page bind-vehicle'>
      <View className='bind-vehicle__intro'>
        <Text className='bind-vehicle__title'>绑定您的爱车</Text>
        <Text className='bind-vehicle__subtitle'>绑定后可查看车辆档案、保养提醒，在线预约保养</Text>
      </View>

      <View className='bind-vehicle__card'>
        <View className='bind-vehicle__label-row'>
          <Text className='bind-vehicle__label'>车架号（VIN）</Text>
          <Text className='bind-vehicle__counter'>{vin.length}/17</Text>
        </View>
        <View className='bind-vehicle__field'>
          <Input
            className='bind-vehicle__input bind-vehicle__input--vin'
            maxlength={17}
            placeholder='17 位字母和数字'
            value={vin}
            onInput={(event) => setVin(normalizeVin(event.detail.value))}
            data-testid='vin-input'
          />
        </View>
        <Text className='bind-vehicle__hint'>可在行驶证、前挡风玻璃左下角或驾驶座车门框铭牌上找到</Text>

        <View className='bind-vehicle__label-row'>
          <Text className='bind-vehicle__label'>车牌号</Text>
        </View>
        <View className='bind-vehicle__field'>
          <Input
            className='bind-vehicle__input'
            maxlength={10}
            placeholder='如 沪A12345 或 沪AD12345'
            value={plate}
            onInput={(event) => setPlate(normalizePlate(event.detail.value))}
            data-testid='plate-input'
          />
        </View>
      </View>

      {rejection && <NoticeBar testId='bind-rejected'>{rejection}</NoticeBar>}

      <ActionButton busy={binding.busy || verification.busy} onClick={submit} testId='bind-submit'>
        {binding.busy ? '绑定中…' : '绑定爱车'}
      </ActionButton>
      <Text className='bind-vehicle__footnote'>只能绑定登记在您手机号名下的车辆；如车辆信息有误，请联系购车门店</Text>
    </View>
  );
}

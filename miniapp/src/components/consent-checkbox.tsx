import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LegalDocument } from '../pages/legal/legal-documents';
import './consent-checkbox.scss';

interface ConsentCheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

function openLegalDocument(document: LegalDocument) {
  void Taro.navigateTo({ url: `/pages/legal/index?doc=${document}` });
}

/** PIPL: the customer must agree to the terms and the privacy policy before signing in. */
export function ConsentCheckbox({ checked, onChange }: ConsentCheckboxProps) {
  return (
    <View
      className='consent-checkbox'
      ariaRole='checkbox'
      onClick={() => onChange(!checked)}
    >
      <View
        className={`consent-checkbox__box${checked ? ' consent-checkbox__box--checked' : ''}`}
        data-testid='consent-checkbox'
      >
        {checked && <Text className='consent-checkbox__tick'>✓</Text>}
      </View>
      <Text className='consent-checkbox__text'>
        我已阅读并同意
        <Text
          className='consent-checkbox__link'
          onClick={(event) => {
            event.stopPropagation();
            openLegalDocument('terms');
          }}
        >
          《用户协议》
        </Text>
        <Text
          className='consent-checkbox__link'
          onClick={(event) => {
            event.stopPropagation();
            openLegalDocument('privacy');
          }}
        >
          《隐私政策》
        </Text>
      </Text>
    </View>
  );
}

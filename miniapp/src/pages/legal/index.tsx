import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { isLegalDocument, LEGAL_DOCUMENTS } from './legal-documents';
import './index.scss';

export default function LegalPage() {
  const { params } = useRouter<{ doc?: string }>();
  const document = LEGAL_DOCUMENTS[isLegalDocument(params.doc) ? params.doc : 'terms'];

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: document.title });
  }, [document.title]);

  return (
    <View className='page legal'>
      <Text className='legal__title'>{document.title}</Text>
      {document.version && (
        <Text className='legal__version' data-testid='legal-version'>
          版本：{document.version}
        </Text>
      )}
      {document.paragraphs.map((paragraph) => (
        <Text key={paragraph} className='legal__paragraph'>
          {paragraph}
        </Text>
      ))}
    </View>
  );
}

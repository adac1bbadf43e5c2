import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space, Typography, Upload, type FormInstance, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AcceptApplicationInput, HandlingMode } from '@/graphql/graphql';
import { blobToBase64, checkBasisFile } from '@/routes/linkages/linkageForm';

export interface FacilitationValues {
  missingItems?: { name?: string; days?: number | null }[];
  commitmentText?: string;
  commitmentFile?: UploadFile[];
}

type Facts = Pick<AcceptApplicationInput, 'missingItems' | 'commitment'>;

/**
 * What a facilitation measure records at acceptance: 容缺受理 the missing materials (each with
 * its supply period in working days), 告知承诺 the commitment and the signed 承诺书.
 */
export function FacilitationFields({ form, mode }: { form: FormInstance<FacilitationValues>; mode: HandlingMode }) {
  const { t } = useTranslation();
  if (mode !== 'MISSING_DOCUMENTS' && mode !== 'NOTIFY_AND_COMMIT') return null;
  return (
    <Form<FacilitationValues>
      form={form}
      name="facilitation"
      layout="vertical"
      data-testid="facilitation-fields"
      initialValues={{ missingItems: [{ name: '' }] }}
    >
      {mode === 'MISSING_DOCUMENTS' ? (
        <Form.Item label={t('facilitation.missingItems')} extra={t('facilitation.missingItemsExtra')} required>
          <Form.List
            name="missingItems"
            rules={[
              {
                validator: async (_, items?: unknown[]) => {
                  if (!items || items.length === 0) throw new Error(t('facilitation.itemsRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: t('facilitation.itemNameRequired') }]}
                    >
                      <Input
                        placeholder={t('facilitation.itemName')}
                        aria-label={t('facilitation.itemName')}
                        style={{ width: 280 }}
                        maxLength={200}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'days']}>
                      <InputNumber
                        min={1}
                        max={60}
                        placeholder={t('facilitation.itemDays')}
                        aria-label={t('facilitation.itemDays')}
                        style={{ width: 180 }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('facilitation.removeItem')}
                    />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ name: '' })} icon={<PlusOutlined />}>
                  {t('facilitation.addItem')}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
      ) : (
        <>
          <Typography.Text strong>{t('facilitation.commitment')}</Typography.Text>
          <Form.Item
            label={t('facilitation.commitmentText')}
            name="commitmentText"
            rules={[{ required: true, whitespace: true, message: t('facilitation.commitmentTextRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item
            label={t('facilitation.commitmentFile')}
            name="commitmentFile"
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
            rules={[
              {
                validator: async (_, files?: UploadFile[]) => {
                  const raw = files?.[0]?.originFileObj;
                  if (!raw) throw new Error(t('facilitation.commitmentFileRequired'));
                  const problem = await checkBasisFile(raw);
                  if (problem === 'EMPTY') throw new Error(t('facilitation.fileEmpty'));
                  if (problem === 'TOO_LARGE') throw new Error(t('facilitation.fileTooLarge'));
                  if (problem === 'WRONG_TYPE') throw new Error(t('facilitation.fileWrongType'));
                },
              },
            ]}
          >
            <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.png,.jpg,.jpeg">
              <Button icon={<UploadOutlined />}>{t('facilitation.chooseFile')}</Button>
            </Upload>
          </Form.Item>
        </>
      )}
    </Form>
  );
}

/** The acceptance input's facilitation part for the chosen mode, or null when the form is invalid. */
export async function facilitationInput(form: FormInstance<FacilitationValues>, mode: HandlingMode): Promise<Facts | null> {
  if (mode !== 'MISSING_DOCUMENTS' && mode !== 'NOTIFY_AND_COMMIT') return {};
  let values: FacilitationValues;
  try {
    values = await form.validateFields();
  } catch {
    return null;
  }
  if (mode === 'MISSING_DOCUMENTS') {
    return {
      missingItems: (values.missingItems ?? []).map((item) => ({ name: (item.name ?? '').trim(), days: item.days ?? null })),
    };
  }
  const raw = values.commitmentFile?.[0]?.originFileObj;
  if (!raw) return null;
  return {
    commitment: { text: (values.commitmentText ?? '').trim(), fileName: raw.name, contentBase64: await blobToBase64(raw) },
  };
}

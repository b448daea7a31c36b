export const previewEn = {
  title: 'Answer preview',
};

export const previewZh: typeof previewEn = {
  title: '回答预览',
};

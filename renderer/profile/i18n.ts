export const profileEn = {
  title: 'Agent profile',
};

export const profileZh: typeof profileEn = {
  title: '智能体设定',
};

// The English list alone: the package's main entry bundles all 62 languages (about 260 KiB).
declare module 'stopword/src/stopwords_eng.js' {
  export const eng: string[];
}

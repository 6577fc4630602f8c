/** The two mini-program dialects Plaza runs: Douyin (`tt`) and WeChat (`wx`). */
export type Dialect = 'tt' | 'wx';

/** Suggestions computed as Python's difflib (fixtures generated with CPython's difflib). */
import { describe, expect, it } from 'vitest';
import { didYouMean, getCloseMatches, similarity } from './did-you-mean.js';

const KWLIST = [
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
];

/** [a, b, difflib.SequenceMatcher(None, a, b).ratio()] for random strings (random.seed(7)). */
const RATIOS: [string, string, number][] = [
  ['bd_aa', 'aceaebaa', 0.46153846153846156],
  ['dabaed', '', 0.0],
  ['ab__eaeed', '', 0.0],
  ['aeb', 'dbea', 0.2857142857142857],
  ['ce_baee_b', 'ae_ae', 0.5714285714285714],
  ['', 'bd_edcded', 0.0],
  ['cbb_b', 'e', 0.0],
  ['edc_', 'ceaaedb', 0.36363636363636365],
  ['cbdda_aeecc_', 'ededa', 0.35294117647058826],
  ['c', '__aa__c', 0.25],
  ['e_dc_d_cad', 'beada', 0.4],
  ['cb_', 'ddd', 0.0],
  ['b', 'decbdec', 0.25],
  ['dc_dbbabbb_', 'ade', 0.14285714285714285],
  ['cc', '', 0.0],
  ['de', 'eecb_', 0.2857142857142857],
  ['e___ad_e', 'dddad_', 0.42857142857142855],
  ['ababdb', 'c', 0.0],
  ['aaaebeace', '', 0.0],
  ['b', 'db_ccecda', 0.2],
  ['d', 'ddcaba_', 0.25],
  ['_cd_b', 'abecb_ea', 0.15384615384615385],
  ['ec_a_cecbcbe', 'ec_bebbd', 0.5],
  ['bbedc_aacdc', '_ec', 0.2857142857142857],
  ['_ccabab', 'bcbdeea', 0.2857142857142857],
  ['_c_a_ad', '_bdbd_ca_ddd', 0.5263157894736842],
  ['a_bbbabed_b', 'ed_cbeeba', 0.4],
  ['', '__ae_bdbbacb', 0.0],
  ['ebec', 'edba', 0.5],
  ['cd_eedebebe', 'adbeabbb', 0.42105263157894735],
  ['e_aeac_', 'eedaeabb', 0.5333333333333333],
  ['aaed', 'aadceeee', 0.5],
  ['_cd', 'edeb_ece', 0.36363636363636365],
  ['dbd', 'd', 0.5],
  ['ca_bdab', 'cab___cbcb', 0.5882352941176471],
  ['b_addb_', 'b_d', 0.6],
  ['dcdbcca_', 'acedd', 0.3076923076923077],
  ['adceeceaaba', 'c', 0.16666666666666666],
  ['abcb', '_cdbee', 0.2],
  ['d_caca_bd', 'c', 0.2],
  ['', 'acaebacada', 0.0],
  ['edceb', '', 0.0],
  ['_babcabb', '_ceb', 0.3333333333333333],
  ['de_b', 'caca', 0.0],
  ['', '', 1.0],
  ['eebedbda__d', 'dedec_bbcb', 0.2857142857142857],
  ['__bdcabaa__', 'dbaa', 0.5333333333333333],
  ['de_ceb_cad', 'bc', 0.16666666666666666],
  ['acccecb', '', 0.0],
  ['bcba', 'dadce', 0.2222222222222222],
  ['bbeaacabde', '', 0.0],
  ['acc_ba', 'eb__edc_d', 0.26666666666666666],
  ['c_', '_ba_e_d__', 0.18181818181818182],
  ['ebeeea_e____', 'aaa', 0.13333333333333333],
  ['_c', 'd', 0.0],
  ['ea_a_e_', 'dca', 0.2],
  ['a_eea_e', '_', 0.25],
  ['dcacb_bb__d', 'dad_cae', 0.3333333333333333],
  ['_baebcc___', 'eeba', 0.2857142857142857],
  ['adc_a_b', 'dc_ecdddae', 0.47058823529411764],
];

describe('difflib port', () => {
  it('SequenceMatcher.ratio matches CPython', () => {
    for (const [a, b, r] of RATIOS) expect(similarity(a, b)).toBeCloseTo(r, 12);
  });

  it('get_close_matches matches the examples of the Python documentation', () => {
    expect(getCloseMatches('appel', ['ape', 'apple', 'peach', 'puppy'], 3, 0.6)).toEqual(['apple', 'ape']);
    expect(getCloseMatches('wheel', KWLIST, 3, 0.6)).toEqual(['while']);
    expect(getCloseMatches('pineapple', KWLIST, 3, 0.6)).toEqual([]);
    expect(getCloseMatches('accept', KWLIST, 3, 0.6)).toEqual(['except']);
    expect(getCloseMatches('abcd', ['bcda', 'dabc', 'abdc', 'acbd'], 4, 0.5)).toEqual(['dabc', 'bcda', 'acbd', 'abdc']);
  });

  it('ml_collections uses one match with cutoff 0.75', () => {
    expect(didYouMean('laerning_rate', ['learning_rate', 'batch_size'])).toBe(
      'Did you mean "learning_rate" instead of "laerning_rate"?',
    );
    expect(didYouMean('ref_nodefualt', ['integer', 'ref', 'ref_nodefault'])).toContain('"ref_nodefault"');
    expect(didYouMean('aa', ['a'])).toBe('');
    expect(didYouMean('x', [])).toBe('');
  });
});

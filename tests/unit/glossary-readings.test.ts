// How the real knowledge base reads short forms that mean different bodies in different places.
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/cli/knowledge-base.ts';

const { matcher } = loadKnowledgeBase();
const read = (text: string): string[] => matcher.match(text).map((m) => `${m.text}=${m.id}`);
const ids = (text: string): string[] => matcher.match(text).map((m) => m.id);

describe('Chinese short forms of central banks', () => {
  it('reads 央行 on a mainland page as the PBOC, and 中国央行 / 我国央行 too', () => {
    expect(read('央行周五开展逆回购操作。我国央行表示，中国央行将保持流动性合理充裕。')).toEqual([
      '央行=pboc',
      '逆回购=reverse-repo',
      '我国央行=pboc',
      '中国央行=pboc',
    ]);
  });

  it('reads another country’s 央行 as that country’s bank, and a group of banks as none', () => {
    expect(read('日本央行加息，欧洲央行和英国央行按兵不动，各国央行与全球央行、其他央行观望。')).toEqual([
      '日本央行=boj',
      '欧洲央行=ecb',
      '英国央行=boe',
    ]);
  });

  it('reads 澳洲联储 as the Reserve Bank of Australia, 联储 alone as the Fed', () => {
    expect(read('澳洲联储维持利率不变，联储则释放降息信号。')).toEqual(['澳洲联储=rba', '联储=fed']);
  });

  it('reads 央行 on a Taiwan page as Taiwan’s central bank', () => {
    expect(read('央行理監事會決議維持利率不變，新台幣兌美元小幅升值。')).toEqual(['央行=cbc-tw']);
  });
});

describe('names of laws and lists that other laws and lists share', () => {
  it('keeps the FATF blacklist apart from its grey list', () => {
    expect(read('Iran stays on the FATF blacklist while Nigeria remains on the FATF grey list.')).toEqual([
      'FATF=fatf',
      'FATF grey list=fatf-grey-list',
    ]);
  });

  it('reads the travel rule only where money moves', () => {
    expect(read('Airlines relaxed the travel rule for passengers with pets this summer.')).toEqual([]);
    expect(read('Crypto exchanges must apply the travel rule to transfers above the threshold.')).toEqual([
      'travel rule=travel-rule',
    ]);
  });

  it('does not read the Commodity Exchange Act or a telecom 1934 Act as the Securities Exchange Act', () => {
    expect(read('The CFTC enforces the Commodity Exchange Act.')).toEqual(['CFTC=cftc']);
    expect(ids('Broadband providers were reclassified under Title II of the 1934 Act by the FCC.')).not.toContain(
      'securities-exchange-act-1934',
    );
  });

  it('does not read credit rating agencies (CRAs), the UK GDPR or a US state AI law as other laws', () => {
    expect(ids('ESMA supervises each CRA, the credit rating agencies that banks rely on.')).not.toContain('community-reinvestment-act');
    expect(ids('After Brexit, British firms follow the UK GDPR.')).not.toContain('gdpr');
    expect(ids('The Colorado Artificial Intelligence Act takes effect next year.')).not.toContain('eu-ai-act');
  });

  it('reads a bare Trade Act of 1974 as no particular section of it', () => {
    expect(read('Tariffs under Section 122 of the Trade Act of 1974 expire after 150 days.')).toEqual([]);
  });

  it('reads a mainland national security law as not Hong Kong’s', () => {
    expect(ids('China’s national security law of 2015 gives Beijing broad powers.')).not.toContain(
      'hk-national-security-law',
    );
  });
});

describe('abbreviations of American bodies that others share', () => {
  it('leaves the Bank of Cyprus, Bolivia’s BCB and Taiwan’s CDIC to their own countries', () => {
    expect(ids('BoC, the largest lender in Cyprus, raised its dividend.')).not.toContain('boc');
    expect(ids('The BCB in La Paz sold dollars to defend the Bolivian currency.')).not.toContain('bcb');
    expect(ids('Taiwan’s CDIC raised deposit insurance cover in Taipei.')).not.toContain('cdic');
  });

  it('reads Hacienda as Mexico’s ministry only where Mexico is named, not wherever pesos are', () => {
    expect(ids('Colombia’s Hacienda expects the peso to stabilise.')).not.toContain('shcp');
    expect(ids('Mexico’s Hacienda cut its growth forecast.')).toContain('shcp');
  });

  it('does not read a Philippine committee or France’s CEA as US bodies', () => {
    expect(ids('The Philippine House Ways and Means Committee approved the tax bill in Manila.')).not.toContain('house-ways-and-means');
    expect(ids('France’s CEA, the atomic energy commission, advised the President on reactors.')).not.toContain('cea-us');
  });
});

describe('names of US federal bodies that other governments use too', () => {
  it('reads Brazil’s and Pakistan’s securities commissions, and Hong Kong’s Department of Justice, as not the US ones', () => {
    expect(ids('Brazil’s Securities and Exchange Commission fined the broker.')).not.toContain('sec');
    expect(ids('The Securities and Exchange Commission of Pakistan approved the listing.')).not.toContain('sec');
    expect(ids('Hong Kong’s Department of Justice dropped the charges.')).not.toContain('us-doj');
  });

  it('reads the Treasury of Australia and South Africa’s National Treasury as not the US Treasury', () => {
    expect(ids('Treasurer Jim Chalmers said Treasury expects Australia’s growth to slow.')).not.toContain('us-treasury');
    expect(ids('South Africa’s National Treasury raised its borrowing estimate.')).not.toContain('us-treasury');
  });
});

describe('Chinese names that a local office or a foreign counterpart shares', () => {
  it('reads provincial and city offices as not the national commissions', () => {
    expect(ids('广东省发改委、上海市国资委和北京市网信办联合发文。')).toEqual([]);
    expect(ids('发改委与国资委、网信办联合发文。')).toEqual(['ndrc', 'sasac', 'cac']);
  });

  it('reads the US counterparts named in Chinese as not China’s ministries', () => {
    for (const id of ['mof-cn', 'mofcom', 'csrc', 'state-council']) {
      expect(ids('美国财政部与美国商务部、美国证监会联合发布制裁，美国国务院表示支持。')).not.toContain(id);
    }
    expect(ids('中国财政部和中国商务部回应，中国国务院召开常务会议。')).toEqual(['mof-cn', 'mofcom', 'state-council']);
  });

  it('reads 欧央行 as the ECB’s and 中共中央纪委 as the discipline commission', () => {
    expect(ids('欧央行维持利率不变。')).not.toContain('pboc');
    expect(ids('中共中央纪委通报了处分决定。')).toEqual(['ccdi']);
  });

  it('reads 日銀 only as the Bank of Japan, not inside dates or Japanese bank shares', () => {
    expect(ids('5月3日银行间市场利率下行，日本银行股走高。')).toEqual([]);
  });
});

describe('European and international short names that others share', () => {
  it('reads the cricket board and Indian external borrowings as not the ECB', () => {
    expect(ids('The ECB named a new England captain after the cricket series.')).not.toContain('ecb');
  });

  it('reads the Financial Stability Board at a Johannesburg G20 as the FSB, not South Africa’s old board', () => {
    expect(ids('At the G20 summit in Johannesburg, South Africa, the FSB presented its report.')).toEqual(
      expect.arrayContaining(['fsb']),
    );
    expect(ids('At the G20 summit in Johannesburg, South Africa, the FSB presented its report.')).not.toContain('fsb-za');
  });

  it('reads the Reserve Bank of Zimbabwe and the Irish Takeover Panel as not the UK and South African bodies', () => {
    expect(ids('The Reserve Bank of Zimbabwe cut rates as the rand rose in South Africa.')).not.toContain('sarb');
    expect(ids('The Irish Takeover Panel extended the deadline.')).not.toContain('takeover-panel-uk');
  });

  it('reads a British honour as not Egypt’s central bank', () => {
    expect(ids('Jane Smith CBE, the chief executive, said the pound had weakened.')).not.toContain('cbe');
  });
});

describe('policy language in its everyday senses', () => {
  it('reads market sessions, earnings guidance and corporate leverage as ordinary prose', () => {
    expect(ids('Chinese stocks rose for two sessions before Apple withdrew its forward guidance.')).toEqual([]);
    expect(ids('The company said its leverage ratio fell to 2.5 times EBITDA.')).toEqual([]);
    expect(ids('She signed a living will and a power of attorney.')).toEqual([]);
  });

  it('reads Chinese phrases only in their financial sense', () => {
    expect(ids('本次购买理财产品风险可控。')).not.toContain('controllable-risks');
    // A Chinese window counts characters: the bank named at the start of a long sentence still counts.
    expect(ids('中国人民银行周五表示，将保持流动性合理充裕，并继续推进共同富裕和高质量发展，市场人士认为风险可控。')).toContain(
      'controllable-risks',
    );
    expect(ids('交易员紧盯市场，多数币种走弱。')).toEqual([]);
    expect(ids('嫦娥探测器实现软着陆。')).toEqual([]);
  });

  it('reads China’s market-propping national team where market players speak of it', () => {
    expect(ids('Market players said the national team bought exchange-traded funds as Shanghai stocks slid.')).toContain('national-team');
  });

  it('reads other countries’ debt limits, investment lists and fiscal slogans as not America’s or China’s', () => {
    expect(ids('Malaysia’s statutory debt limit was raised by parliament.')).not.toContain('debt-ceiling');
    expect(ids('The Philippines trimmed its foreign investment negative list in Manila.')).not.toContain('market-access-negative-list');
    expect(ids('Japan’s Takaichi promised a responsible proactive fiscal policy.')).not.toContain('proactive-fiscal-policy');
  });

  it('reads the EU’s digital and sustainability acts as laws', () => {
    expect(read('MiCA and DORA apply across the EU.').length).toBeGreaterThan(0);
    for (const match of matcher.match('MiCA and DORA apply across the EU.')) expect(match.kind).toBe('law');
  });
});

describe('guards that must not take the body from its own stories', () => {
  it('reads the US Treasury Secretary meeting Australia’s Treasurer as the US Treasury', () => {
    expect(ids('Treasury Secretary Scott Bessent met Australian Treasurer Jim Chalmers in Washington.')).toContain('us-treasury');
    expect(ids('Treasury Secretary Scott Bessent met Australian Treasurer Jim Chalmers in Washington.')).not.toContain('treasury-au');
  });

  it('reads the Bank of England’s MPC in a roundup that names India’s', () => {
    expect(ids('The Bank of England’s MPC voted to hold, while India’s MPC cut rates and the RBI eased.')).toEqual(['boe', 'mpc-uk', 'rbi']);
  });

  it('reads the UK Information Commissioner beside Ireland’s regulator', () => {
    expect(ids('Ireland’s Data Protection Commission fined Meta, and the Information Commissioner in London opened a probe.')).toContain('ico-uk');
  });

  it('reads the Single Resolution Board as SRB in a story that also names the systemic risk buffer', () => {
    expect(ids('The SRB said banks must meet MREL targets, while national authorities raised the systemic risk buffer.')).toContain('srb');
    expect(ids('Regulators set a sectoral SRB of 2% on mortgages, next to the CCyB.')).not.toContain('srb');
  });

  it('reads local finance and commerce departments (财政部门, 商务部门) as no ministry', () => {
    expect(ids('各地财政部门和商务部门加强协调。')).toEqual([]);
  });
});

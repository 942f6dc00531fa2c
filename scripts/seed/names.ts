// Fictional but realistic Chinese names and mobile numbers for the demo data.
import type { Rng } from './prng';

/** Common surnames, the most frequent ones listed more than once so they come up more often. */
const SURNAMES = [
  '王', '王', '王', '李', '李', '李', '张', '张', '张', '刘', '刘', '刘', '陈', '陈', '杨', '杨', '黄', '黄', '赵', '赵',
  '吴', '吴', '周', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许',
  '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏',
  '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '方',
] as const;

const MALE_CHARS = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宁', '峰',
  '建', '国', '文', '志', '海', '东', '林', '晨', '浩', '宇', '俊', '凯', '旭', '振', '博', '成', '亮', '健', '立', '新',
  '卫', '庆', '春', '德', '永', '嘉', '昊', '然', '毅', '锋', '松', '坤', '彬', '皓', '睿', '诚', '翔', '远', '航', '哲',
] as const;

const FEMALE_CHARS = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '玲', '燕', '婷', '雪', '慧', '洁', '琳', '颖', '倩', '萍', '红', '琴',
  '梅', '丹', '欣', '悦', '佳', '怡', '蕾', '璐', '晶', '莉', '雯', '岚', '薇', '晓', '雅', '秀', '凤', '思', '梦', '晴',
  '亚', '月', '彤', '茜', '蓉', '菲', '瑶', '琪', '妍', '露',
] as const;

const NEUTRAL_CHARS = ['文', '明', '华', '安', '宁', '晨', '一', '子', '家', '新', '嘉', '春', '雨', '清', '若'] as const;

/** Names of well-known people the generator must not hand out. */
const FAMOUS = new Set([
  '王菲', '李娜', '刘翔', '张杰', '周迅', '李宁', '刘欢', '王楠', '孙杨', '马云', '陈红', '杨洋', '赵薇', '黄磊', '孙俪',
  '刘涛', '朱军', '胡歌', '吴京', '郭靖', '黄蓉', '杨过', '王刚', '李明', '张伟', '王伟', '刘伟', '李强', '王勇', '陈坤',
  '杨幂', '刘亦菲', '周杰', '林峰', '高峰', '何洁', '李静', '张静', '王静', '李冰', '范冰冰', '黄晓明', '孙红雷', '王宁',
]);

export type Gender = 'male' | 'female';

export class NameMaker {
  private readonly used = new Set<string>(FAMOUS);
  private readonly usedMobiles = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A full name not used before in this data set (names repeat in real life, but not in a demo). */
  name(gender: Gender): string {
    const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
    for (;;) {
      const surname = this.rng.pick(SURNAMES);
      const first = this.rng.pick(chars);
      let given: string = first;
      if (this.rng.chance(0.65)) {
        // A two-character given name, now and then ending in a character used for both sexes.
        const second = this.rng.chance(0.2) ? this.rng.pick(NEUTRAL_CHARS) : this.rng.pick(chars);
        if (second === first) continue;
        given = first + second;
      }
      const full = surname + given;
      if (this.used.has(full)) continue;
      this.used.add(full);
      return full;
    }
  }

  gender(): Gender {
    return this.rng.chance(0.56) ? 'male' : 'female';
  }

  /** A mainland mobile (^1[3-9][0-9]{9}$), unique within the data set. */
  mobile(): string {
    const prefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
      '157', '158', '159', '166', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '199'] as const;
    for (;;) {
      let m: string = this.rng.pick(prefixes);
      for (let i = 0; i < 8; i += 1) m += String(this.rng.int(0, 9));
      if (this.usedMobiles.has(m)) continue;
      this.usedMobiles.add(m);
      return m;
    }
  }
}

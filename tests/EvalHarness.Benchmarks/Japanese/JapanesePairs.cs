namespace EvalHarness.Benchmarks.Japanese;

/// <summary>
/// Japanese sentence pairs (hypothesis, reference) of 20–40 characters for the metric benchmarks,
/// generated deterministically from templates written for the project: a reference takes one wording
/// of every phrase of a template, its hypothesis mostly the same wording and sometimes another
/// (synonyms, numerals in other scripts, polite or plain endings) or none, as a translation or
/// answer close to the reference would.
/// </summary>
internal static class JapanesePairs
{
    /// <summary>Pairs per benchmark operation batch: every figure is per pair, divided by this.</summary>
    public const int Count = 1_000;

    private const int Seed = 20_251_122;

    /// <summary>Templates: phrases in order, each with its wordings; an empty wording leaves the phrase out.</summary>
    private static readonly string[][][] Templates =
    [
        [["新しい図書館は", "新しい市立図書館は"], ["駅の北口から", "駅北口から"], ["歩いて五分の", "徒歩五分の", "歩いて5分の"], ["ところに", "場所に"], ["あります。", "ある。", "位置しています。"]],
        [["会議は", "打ち合わせは", "定例会議は"], ["明日の", "来週月曜日の"], ["午後三時から", "15時から", "午後３時から"], ["第二会議室で", "会議室Bで", "オンラインで"], ["始まります。", "開始します。", "行われる。"]],
        [["彼女は", "姉は", "山田さんは"], ["難しい", "念願の", ""], ["試験に"], ["合格して、", "受かって、"], ["とても", "大変", "すごく"], ["喜んでいました。", "うれしそうだった。", "喜んでいた。"]],
        [["京都には", "奈良には"], ["古い", "歴史のある"], ["寺や神社が", "お寺が", "寺院が"], ["たくさんあり、", "数多くあり、"], ["一年中", "季節を問わず", ""], ["観光客が訪れます。", "多くの人が訪れる。"]],
        [["申請書は", "書類は"], ["必要事項を記入して、", "必要事項をすべて記入したうえで、"], ["今月末までに", "月末までに", "3月31日までに"], ["窓口へ", "受付に"], ["提出してください。", "出してください。", "提出すること。"]],
        [["この電車は", "次の電車は", "快速電車は"], ["各駅に停車し、", "各駅に止まり、"], ["終点の高尾までは", "終点まで"], ["約一時間", "およそ1時間", "一時間ほど"], ["かかります。", "かかる。"]],
        [["iPhoneの", "スマートフォンの"], ["OSを", "iOSを"], ["最新バージョンに", "最新版に"], ["アップデートしたら、", "更新してから、"], ["Wi-Fiに", "無線LANに"], ["接続できなくなった。", "つながらなくなりました。"]],
        [["気候変動の影響で、", "気候変動の影響により、"], ["日本各地で", "国内では"], ["記録的な猛暑や", "記録的な暑さや"], ["集中豪雨が", "局地的な大雨が"], ["増えている。", "増加しています。"]],
        [["営業部の田中さんは", "担当者は", "部長は"], ["来週の出張で", "明後日から"], ["大阪支社を", "福岡の取引先を"], ["訪問する", "訪れる"], ["予定です。", "予定だ。", "ことになっています。"]],
        [["週末は", "日曜日は", "連休中は"], ["家族で", "友人と"], ["近くの公園へ", "山のキャンプ場に"], ["ピクニックに", "キャンプに"], ["行きました。", "出かけた。"]],
        [["システムの", "サーバーの", "データベースの"], ["定期メンテナンスのため、", "保守作業のため、"], ["本日22時から", "今夜10時から"], ["約二時間", "2時間ほど"], ["サービスを停止します。", "サービスが利用できません。"]],
        [["この料理は", "このスープは"], ["地元でとれた", "新鮮な"], ["野菜と魚を", "旬の食材を"], ["使っていて、", "使用しており、"], ["とても", "非常に"], ["おいしいです。", "おいしかった。", "評判がいい。"]],
        [["参加費は", "会費は"], ["一人あたり", "1人につき"], ["二千円で、", "2,000円で、", "２０００円で、"], ["当日", "受付で"], ["現金でお支払いください。", "お支払いいただきます。"]],
        [["台風が接近しているため、", "台風の影響で、"], ["明日の", "本日の"], ["運動会は", "花火大会は", "試合は"], ["延期される", "中止になる"], ["見込みです。", "可能性がある。", "ことになった。"]],
        [["研究チームは", "大学の研究グループは"], ["新しい", "独自の"], ["電池材料を", "触媒を"], ["開発し、", "開発して、"], ["実用化を", "製品化を"], ["目指している。", "目指しています。"]],
        [["お問い合わせは", "ご質問は"], ["平日の", "月曜から金曜の"], ["午前9時から午後6時まで", "9:00〜18:00に"], ["電話または", "お電話か"], ["メールで受け付けています。", "メールでどうぞ。"]],
    ];

    /// <summary>The same <see cref="Count"/> pairs on every call and machine (a seeded <see cref="Random"/>).</summary>
    public static (string Hypothesis, string Reference)[] Generate()
    {
        var random = new Random(Seed);
        var pairs = new (string, string)[Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            var template = Templates[i % Templates.Length];
            var hypothesis = new System.Text.StringBuilder();
            var reference = new System.Text.StringBuilder();
            foreach (var wordings in template)
            {
                var chosen = random.Next(wordings.Length);
                reference.Append(wordings[chosen]);
                var roll = random.NextDouble();
                hypothesis.Append(roll < 0.55 ? wordings[chosen] : roll < 0.93 ? wordings[random.Next(wordings.Length)] : string.Empty);
            }

            pairs[i] = (hypothesis.ToString(), reference.ToString());
        }

        return pairs;
    }
}

package org.openhotline.workorder.internal.dispatch.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dispatch model on a handful of examples: neighbours vote, duties vote, returns of the same matter count against. */
class UnitModelTest {

    private static final Map<String, String> DUTIES = Map.of(
            "D:城市管理局", "占道经营、餐饮油烟与露天烧烤、夜间施工噪音执法",
            "U:1", "供水水质、停水、水压不足、水费",
            "S:街道（乡镇）", "小区环境卫生与垃圾清运、邻里噪音和矛盾纠纷调解");

    @Test
    void similarPastOrdersOutvoteTheDutiesAndNameTheOrdersBehindTheVote() {
        List<UnitModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            examples.add(new UnitModel.Example(100 + i, "楼道里堆满了杂物和旧家具，邻居" + i + "号不肯搬走", "S:街道（乡镇）", 7L));
            examples.add(new UnitModel.Example(200 + i, "马路上摆摊卖水果的占了半条人行道" + i, "D:城市管理局", 8L));
        }
        UnitModel model = UnitModel.train(examples, DUTIES, List.of());
        var p = model.predict("我家楼道被邻居的旧家具和杂物堵住了", Set.of());
        assertThat(p.labels().getFirst().label()).isEqualTo("S:街道（乡镇）");
        assertThat(p.labels().getFirst().similarOrders()).isNotEmpty().allMatch(id -> id >= 100 && id < 105);
        assertThat(p.categories().getFirst().categoryId()).isEqualTo(7L);
        // Left out of its own neighbours, an order is predicted from the others.
        var alone = model.predict(examples.getFirst().text(), Set.of(100L));
        assertThat(alone.labels().getFirst().similarOrders()).doesNotContain(100L);
    }

    @Test
    void withoutHistoryTheDutiesDecide() {
        UnitModel model = UnitModel.train(List.of(), DUTIES, List.of());
        assertThat(model.predict("家里停水两天了，水压也不足", Set.of()).labels().getFirst().label()).isEqualTo("U:1");
        assertThat(model.predict("楼下烧烤店油烟太大", Set.of()).labels().getFirst().label()).isEqualTo("D:城市管理局");
    }

    @Test
    void aUnitThatReturnedSuchAppealsLosesItsPlace() {
        List<UnitModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            examples.add(new UnitModel.Example(300 + i, "共享单车堆在小区出口" + i, "D:城市管理局", null));
        }
        examples.add(new UnitModel.Example(310, "共享单车堆在小区出口没人管", "S:街道（乡镇）", null));
        var before = UnitModel.train(examples, DUTIES, List.of()).predict("共享单车堆在小区出口", Set.of());
        assertThat(before.labels().getFirst().label()).isEqualTo("D:城市管理局");
        List<UnitModel.Negative> returns = List.of(new UnitModel.Negative("共享单车堆在小区出口挡路", "D:城市管理局"),
                new UnitModel.Negative("小区出口共享单车乱停乱放", "D:城市管理局"));
        var after = UnitModel.train(examples, DUTIES, returns).predict("共享单车堆在小区出口", Set.of());
        assertThat(after.labels().getFirst().label()).isEqualTo("S:街道（乡镇）");
        assertThat(after.labels()).anyMatch(l -> l.label().equals("D:城市管理局") && l.returnedBefore());
    }

    @Test
    void aCategoryVotedByNeighboursThatShareOnlyFillerWordsIsNoSureCategory() {
        List<UnitModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            examples.add(new UnitModel.Example(400 + i, "路边摊贩占道经营，申请了好几次一直没人管，希望尽快处理" + i, "D:城市管理局", 9L));
        }
        UnitModel model = UnitModel.train(examples, DUTIES, List.of());
        var same = model.predict("路边摊贩占道经营，一直没人管", Set.of()).categories().getFirst();
        var filler = model.predict("我申请公积金贷款一直没人管，希望尽快处理", Set.of()).categories().getFirst();
        // both votes are unanimous; only the first appeal is covered by its neighbour, so only the first is sure
        assertThat(same.categoryId()).isEqualTo(9L);
        assertThat(same.score()).isGreaterThan(0.5);
        assertThat(filler.score()).isLessThan(0.25 * same.score());
    }

    @Test
    void theMeaningOfADutyClauseFindsAUnitWhoseWordsTheAppealDoesNotUse() {
        Map<String, String> duties = Map.of(
                "U:1", "供水水质、停水、水压不足、水费",
                "U:3", "退役军人安置、优抚待遇、军休服务");
        // a stand-in for bge-small-zh: texts about soldiers are near each other, everything else elsewhere
        java.util.function.Function<String, float[]> meaning = text -> text.contains("兵") || text.contains("军")
                ? new float[] {1, 0} : text.contains("水") ? new float[] {0, 1} : new float[] {0.6f, 0.8f};
        String appeal = "我当了五年兵回来，工作到现在也没给落实";
        var words = UnitModel.train(List.of(), duties, List.of()).predict(appeal, Set.of());
        assertThat(words.labels()).noneMatch(l -> l.label().equals("U:3"));
        var withMeaning = UnitModel.train(List.of(), duties, List.of(), UnitModel.Tuning.DEFAULT, meaning).predict(appeal, Set.of());
        assertThat(withMeaning.labels().getFirst().label()).isEqualTo("U:3");
    }

    @Test
    void closedOrdersNearInMeaningVoteForTheirUnitWhereNoWordIsShared() {
        Map<String, String> duties = Map.of("U:1", "供水水质、停水、水压不足、水费");
        java.util.function.Function<String, float[]> meaning = text -> text.contains("公积金") || text.contains("房贷")
                ? new float[] {1, 0} : text.contains("水") ? new float[] {0, 1} : new float[] {0.6f, 0.8f};
        List<UnitModel.Example> examples = new ArrayList<>();
        Map<Long, float[]> vectors = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            examples.add(new UnitModel.Example(500 + i, "单位不给缴住房公积金" + i, "U:2", null));
            examples.add(new UnitModel.Example(600 + i, "家里停水" + i, "U:1", null));
        }
        examples.forEach(e -> vectors.put(e.orderId(), meaning.apply(e.text())));
        String appeal = "每个月还房贷的钱想自动扣款";
        var words = UnitModel.train(examples, duties, List.of()).predict(appeal, Set.of());
        assertThat(words.labels()).noneMatch(l -> l.label().equals("U:2"));
        var byMeaning = UnitModel.train(examples, duties, List.of(), new UnitModel.Tuning(0.3, 0, 0, false, 0.4), meaning, null, vectors)
                .predict(appeal, Set.of());
        assertThat(byMeaning.labels().getFirst().label()).isEqualTo("U:2");
        assertThat(byMeaning.labels().getFirst().similarOrders()).isNotEmpty().allMatch(id -> id >= 500 && id < 506);
        // an order left out (as each recent order is when the model is scored) does not vote for itself
        var without = UnitModel.train(examples, duties, List.of(), new UnitModel.Tuning(0.3, 0, 0, false, 0.4), meaning, null, vectors)
                .predict(appeal, Set.of(500L, 501L, 502L, 503L, 504L, 505L));
        assertThat(without.labels()).noneMatch(l -> l.label().equals("U:2"));
    }

    @Test
    void dutiesAreCutIntoTheMattersTheyList() {
        assertThat(UnitModel.clauses("停电与电压不稳、电费与电表计量（含阶梯电价），充电桩报装"))
                .containsExactly("停电与电压不稳", "电费与电表计量", "含阶梯电价", "充电桩报装");
    }
}

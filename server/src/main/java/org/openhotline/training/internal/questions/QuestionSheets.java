package org.openhotline.training.internal.questions;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The question bank's Excel import: one question a row; every row is checked first and a sheet with any wrong row is
 * refused whole with each row's problems, so a corrected sheet can be imported again without duplicates.
 */
@Component
class QuestionSheets {

    static final List<String> HEADERS = List.of("分类", "题型（单选/多选/判断/填空/简答）", "难度（1-5）", "题干", "选项A", "选项B",
            "选项C", "选项D", "选项E", "选项F", "答案", "解析");

    record RowError(int row, String message) {}

    record Result(int imported) {}

    private final Questions questions;

    QuestionSheets(Questions questions) {
        this.questions = questions;
    }

    byte[] template() {
        return ExcelSheets.write("题库导入", HEADERS, List.of(
                List.of("社会保障", "单选", "2", "灵活就业人员参加职工养老保险，缴费基数可在上年度职工平均工资的多少之间自选？", "40%–200%",
                        "60%–300%", "80%–100%", "", "", "", "B", "见《江州市灵活就业人员参加基本养老保险办法》"),
                List.of("热线规范", "判断", "1", "话务员可以向来电人透露其他市民的诉求内容。", "", "", "", "", "", "", "错", ""),
                List.of("热线规范", "填空", "2", "12345 热线的服务时间是____小时，全年____天。", "", "", "", "", "", "", "24|365", "")));
    }

    @Transactional
    Result importSheet(List<ExcelSheets.SheetRow> rows) {
        if (rows.isEmpty()) {
            throw DomainException.invalid("文件中没有数据行");
        }
        if (rows.size() > 5000) {
            throw DomainException.invalid("一次最多导入 5000 道题");
        }
        List<RowError> errors = new ArrayList<>();
        List<Question> parsed = new ArrayList<>();
        for (var row : rows) {
            List<String> problems = new ArrayList<>();
            var kind = QuestionKind.of(row.cell(1));
            if (kind.isEmpty()) {
                problems.add("题型应为单选、多选、判断、填空或简答");
            }
            int difficulty = 0;
            try {
                difficulty = Integer.parseInt(row.cell(2).isBlank() ? "2" : row.cell(2).replace(".0", ""));
            } catch (NumberFormatException e) {
                problems.add("难度应为 1 到 5 的数字");
            }
            List<String> options = new ArrayList<>();
            for (int i = 4; i <= 9; i++) {
                if (!row.cell(i).isBlank()) {
                    if (row.cell(i).length() > 500) {
                        problems.add("选项不超过 500 个字");
                    }
                    options.add(row.cell(i));
                }
            }
            if (kind.isPresent()) {
                var q = new Question(0, row.cell(0), difficulty, kind.get(), row.cell(3), options, row.cell(10),
                        row.cell(11).isBlank() ? null : row.cell(11));
                if (row.cell(11).length() > 2000) {
                    problems.add("解析不超过 2000 个字");
                }
                problems.addAll(q.problems());
                parsed.add(q);
            }
            if (!problems.isEmpty()) {
                errors.add(new RowError(row.number(), String.join("；", problems)));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("有 " + errors.size() + " 行数据有误，未导入任何题目，请修改后重新导入")
                    .with("errors", errors);
        }
        parsed.forEach(questions::add);
        return new Result(parsed.size());
    }
}

package org.terroir.labels.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelLayoutTest {

    @Test
    void aNameSplitsBetweenItsChineseAndItsEnglishPartOnly() {
        assertThat(LabelLayout.scriptParts("连城地瓜干 Liancheng Dried Sweet Potato"))
                .containsExactly("连城地瓜干", "Liancheng Dried Sweet Potato");
        assertThat(LabelLayout.scriptParts("Liancheng dried sweet potato, 500 g")).containsExactly("Liancheng dried sweet potato, 500 g");
        assertThat(LabelLayout.scriptParts("冰糖心苹果 Bingtangxin 苹果")).containsExactly("冰糖心苹果", "Bingtangxin", "苹果");
    }

    @Test
    void linesBreakAtSpacesAndBetweenChineseCharactersButNotBeforeClosingPunctuationNorInsideAWord() {
        String text = "红心地瓜（鲜薯，散装） fresh";
        assertThat(LabelLayout.breaksAt(text, text.indexOf('心'))).isTrue();
        assertThat(LabelLayout.breaksAt(text, text.indexOf('，'))).as("before a comma").isFalse();
        assertThat(LabelLayout.breaksAt(text, text.indexOf('）'))).as("before a closing bracket").isFalse();
        assertThat(LabelLayout.breaksAt(text, text.indexOf('鲜'))).as("after an opening bracket").isFalse();
        assertThat(LabelLayout.breaksAt(text, text.indexOf('f'))).as("after a space").isTrue();
        assertThat(LabelLayout.breaksAt(text, text.indexOf('r'))).as("inside a word").isFalse();
    }
}

package io.keliu.ingest.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {
    @ParameterizedTest
    @CsvSource({
            "浙江省杭州市西湖区文三路 1 号, 浙江省, 杭州市",
            "浙江杭州市西湖区, 浙江省, 杭州市",
            "北京市朝阳区建国路, 北京市, 北京市",
            "新疆维吾尔自治区乌鲁木齐市天山区, 新疆维吾尔自治区, 乌鲁木齐市",
            "吉林省延边朝鲜族自治州延吉市, 吉林省, 延边朝鲜族自治州",
            "广东省某某区某某路市场, 广东省, ''"})
    void readsProvinceAndCityOffAnAddress(String address, String province, String city) {
        String[] region = Regions.fromAddress(address);
        assertThat(region[0]).isEqualTo(province);
        assertThat(region[1]).isEqualTo(city.isEmpty() ? null : city);
    }

    @Test
    void canonicalProvinceNames() {
        assertThat(Regions.canonicalProvince("广东")).isEqualTo("广东省");
        assertThat(Regions.canonicalProvince("Inner Mongolia")).isEqualTo("内蒙古自治区");
        assertThat(Regions.canonicalProvince("Bavaria")).isEqualTo("Bavaria");
        assertThat(Regions.fromAddress("123 Main St, Springfield")).containsExactly(null, null);
    }
}

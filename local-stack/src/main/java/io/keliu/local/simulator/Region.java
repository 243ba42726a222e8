package io.keliu.local.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/** A city with a few of its real districts and streets, enough to write plausible shipping addresses. */
record Region(String province, String city, List<String> districts, List<String> streets) {

    /** Municipalities (上海市, 北京市 …) are their own province; their addresses name the city once. */
    boolean isMunicipality() {
        return province.equals(city);
    }

    /** For example "浙江省杭州市西湖区文三路 123 号". */
    String address(RandomGenerator random) {
        String prefix = isMunicipality() ? city : province + city;
        String district = districts.get(random.nextInt(districts.size()));
        String street = streets.get(random.nextInt(streets.size()));
        return prefix + district + street + " " + (1 + random.nextInt(899)) + " 号";
    }
}

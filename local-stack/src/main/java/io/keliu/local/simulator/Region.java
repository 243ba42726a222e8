package io.keliu.local.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A city with a few of its real districts and streets, enough to write plausible shipping addresses.
 *
 * @param country  ISO 3166-1 alpha-2 code: CN, or another country for orders shipped abroad
 * @param province empty where the country has none (Singapore)
 */
record Region(String country, String province, String city, List<String> districts, List<String> streets) {

    boolean isAbroad() {
        return !country.equals("CN");
    }

    /** Municipalities (上海市, 北京市 …) are their own province; their addresses name the city once. */
    boolean isMunicipality() {
        return city.equals(province);
    }

    /** For example "浙江省杭州市西湖区文三路 123 号", or abroad "350 Orchard Road, Orchard, Singapore". */
    String address(RandomGenerator random) {
        String district = districts.get(random.nextInt(districts.size()));
        String street = streets.get(random.nextInt(streets.size()));
        if (isAbroad()) {
            return (1 + random.nextInt(899)) + " " + street + ", " + district + ", " + city
                    + (province.isEmpty() ? "" : ", " + province);
        }
        String prefix = isMunicipality() ? city : province + city;
        return prefix + district + street + " " + (1 + random.nextInt(899)) + " 号";
    }
}

package io.keliu.ingest.profiles;

import io.keliu.ingest.records.FieldSet;

/** The profile import format of docs/contracts.md, with the Chinese field names of seed 001 as header aliases. */
final class ProfileFields {
    static final FieldSet FIELDS = FieldSet.of("user_id", "registered_at", "activated_at", "last_login_at", "age",
                    "gender", "marital_status", "occupation", "city", "province", "industry", "updated_at")
            .alias("user_id", "用户ID", "客户ID", "会员ID", "userId", "customer_id")
            .alias("registered_at", "注册日期", "注册时间", "registeredAt")
            .alias("activated_at", "激活日期", "激活时间", "activatedAt")
            .alias("last_login_at", "最后登录日期", "最后登录时间", "lastLoginAt")
            .alias("age", "年龄")
            .alias("gender", "性别", "sex", "genre")
            .alias("marital_status", "婚姻状态", "婚姻状况", "maritalStatus")
            .alias("occupation", "职业")
            .alias("city", "城市")
            .alias("province", "省份")
            .alias("industry", "行业")
            .alias("updated_at", "更新时间", "updatedAt")
            .required("user_id");

    static final int USER_ID = 0;
    static final int REGISTERED_AT = 1;
    static final int ACTIVATED_AT = 2;
    static final int LAST_LOGIN_AT = 3;
    static final int AGE = 4;
    static final int GENDER = 5;
    static final int MARITAL_STATUS = 6;
    static final int OCCUPATION = 7;
    static final int CITY = 8;
    static final int PROVINCE = 9;
    static final int INDUSTRY = 10;
    static final int UPDATED_AT = 11;

    private ProfileFields() {
    }
}

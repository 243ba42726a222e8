package io.keliu.ingest.profiles;

import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.MaritalStatus;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.ingest.store.CopyRow;
import io.keliu.ingest.store.TableSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static io.keliu.ingest.store.Columns.instant;
import static io.keliu.ingest.store.Columns.integer;
import static io.keliu.ingest.store.Columns.word;

/**
 * {@code ingest.profiles}. A version is ordered by the source's updated_at, or else the latest timestamp the profile
 * carries (a later login means a later profile).
 */
final class ProfileTable implements TableSpec<UserProfile> {
    private static final List<String> COLUMNS = List.of("user_id", "registered_at", "activated_at", "last_login_at",
            "age", "gender", "marital_status", "occupation", "city", "province", "industry", "updated_at",
            "version_at");

    @Override
    public String table() {
        return "ingest.profiles";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> keyColumns() {
        return List.of("user_id");
    }

    @Override
    public List<String> versionColumns() {
        return List.of("version_at");
    }

    @Override
    public Comparator<UserProfile> versionOrder() {
        return Comparator.comparing(ProfileTable::versionAt);
    }

    static Instant versionAt(UserProfile profile) {
        if (profile.updatedAt() != null) {
            return profile.updatedAt();
        }
        return Stream.of(profile.registeredAt(), profile.activatedAt(), profile.lastLoginAt())
                .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    @Override
    public void write(UserProfile profile, CopyRow row) {
        row.text(profile.userId()).instant(profile.registeredAt()).instant(profile.activatedAt())
                .instant(profile.lastLoginAt()).integer(profile.age()).word(profile.gender())
                .word(profile.maritalStatus()).text(profile.occupation()).text(profile.city())
                .text(profile.province()).text(profile.industry()).instant(profile.updatedAt())
                .instant(versionAt(profile));
    }

    @Override
    public UserProfile read(ResultSet row, int first) throws SQLException {
        int c = first;
        return new UserProfile(row.getString(c++), instant(row, c++), instant(row, c++),
                instant(row, c++), integer(row, c++),
                word(row, c++, Gender.class), word(row, c++, MaritalStatus.class),
                row.getString(c++), row.getString(c++), row.getString(c++), row.getString(c++),
                instant(row, c));
    }

    @Override
    public String identity(UserProfile profile) {
        return profile.userId();
    }

}

-- AlterTable
ALTER TABLE `customers` ADD COLUMN `token_version` INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE `rate_limit_counters` (
    `key` VARCHAR(191) NOT NULL,
    `count` INTEGER NOT NULL,
    `expires_at` DATETIME(3) NOT NULL,

    INDEX `rate_limit_counters_expires_at_idx`(`expires_at`),
    PRIMARY KEY (`key`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `refresh_tokens` (
    `jti` CHAR(36) NOT NULL,
    `family_id` CHAR(36) NOT NULL,
    `subject_type` ENUM('STAFF', 'CUSTOMER') NOT NULL,
    `subject_id` INTEGER NOT NULL,
    `used_at` DATETIME(3) NULL,
    `revoked_at` DATETIME(3) NULL,
    `expires_at` DATETIME(3) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `refresh_tokens_family_id_idx`(`family_id`),
    INDEX `refresh_tokens_subject_type_subject_id_idx`(`subject_type`, `subject_id`),
    INDEX `refresh_tokens_expires_at_idx`(`expires_at`),
    PRIMARY KEY (`jti`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

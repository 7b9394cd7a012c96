import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { DirectoryModule } from '../directory/directory.module';
import { AccessPolicy } from './access-policy';
import { AdminController, AuthController } from './auth.controller';
import { AuthGuard, IngestKeyGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { SigningSecret, SigningSecretModule } from './signing-secret';

@Module({
  imports: [
    DirectoryModule,
    JwtModule.registerAsync({
      imports: [SigningSecretModule],
      inject: [AppConfig, SigningSecret],
      useFactory: async (config: AppConfig, secret: SigningSecret) => ({
        secret: await secret.resolve(),
        signOptions: { expiresIn: config.jwtTtlSeconds },
      }),
    }),
  ],
  controllers: [AuthController, AdminController],
  providers: [
    AuthRepository,
    AuthService,
    AccessPolicy,
    IngestKeyGuard,
    { provide: LoginLimiter, useFactory: () => new LoginLimiter() },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, AccessPolicy, IngestKeyGuard],
})
export class AuthModule {}
